package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.descent.DescentException;
import org.descent.data.Normalize;
import org.descent.nn.LayerSpec;
import org.descent.nn.Module;
import org.descent.nn.Parameter;
import org.descent.nn.Sequential;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

class ModelFileTest {
    @TempDir
    Path dir;

    private static NetworkSpec smallSpec(int hidden) {
        return new NetworkSpec(3, List.of(LayerSpec.linear(hidden), LayerSpec.activation("tanh"), LayerSpec.linear(2)),
                "classification", "cross-entropy", 2, List.of("no", "yes"),
                Normalize.minMax(new double[] {0, -1, 5}, new double[] {1, 1, 9}));
    }

    private static void assertMessage(Executable action, String... parts) {
        String message = assertThrows(DescentException.class, action).getMessage();
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "message lacks '" + part + "': " + message);
        }
    }

    private static void assertSameParameters(Module expected, Module actual) {
        Map<String, Parameter> a = actual.namedParameters();
        expected.namedParameters().forEach((name, p) -> {
            assertEquals(p.value().dtype(), a.get(name).value().dtype(), name);
            assertArrayEquals(Safetensors.encode(new SafetensorsContent(Map.of(name, p.value()))),
                    Safetensors.encode(new SafetensorsContent(Map.of(name, a.get(name).value()))), name);
        });
        assertEquals(expected.namedParameters().keySet(), a.keySet());
    }

    @Test
    void roundTripsFloat32Bitwise() {
        Model model = Model.create(NetworkSpecTest.mnistMlp(), new Random(7));
        Path file = dir.resolve("mnist.safetensors");
        ModelFile.save(file, model);
        Model loaded = ModelFile.load(file);
        assertEquals(model.spec(), loaded.spec());
        assertSameParameters(model.network(), loaded.network());
        SafetensorsContent raw = Safetensors.read(file);
        assertEquals("2", raw.metadata().get("descent.format"));
        assertEquals(model.spec().toJson(), raw.metadata().get("descent.spec"));
    }

    @Test
    void roundTripsFloat64AndPredictsTheSame() {
        Model model = Model.create(smallSpec(4), new Random(3));
        model.network().to(DType.FLOAT64);
        Path file = dir.resolve("small.safetensors");
        ModelFile.save(file, model);
        Model loaded = ModelFile.load(file);
        assertSameParameters(model.network(), loaded.network());
        Tensor x = Tensor.uniform(new Random(4), -2, 10, DType.FLOAT64, 5, 3);
        assertArrayEquals(model.predict(x).toDoubleArray(), loaded.predict(x).toDoubleArray());
        Tensor normalized = model.spec().normalization().apply(x);
        assertArrayEquals(model.network().forward(normalized).toDoubleArray(), loaded.predict(x).toDoubleArray());
        assertTrue(loaded.network().isTraining(), "predict restores training mode");
    }

    @Test
    void refusesWeightsOfAnotherArchitecture() {
        Path file = dir.resolve("wide.safetensors");
        ModelFile.save(file, Model.create(smallSpec(8), new Random(1)));
        Module narrow = smallSpec(4).build(new Random(2));
        Tensor before = narrow.namedParameters().get("layers.0.weight").value();
        assertMessage(() -> ModelFile.loadWeights(file, narrow), file.toString(), "parameter 'layers.0.weight'",
                "[4, 3] in the network", "[8, 3] in the file", "another architecture");
        assertTrue(before == narrow.namedParameters().get("layers.0.weight").value(), "a refused load changes nothing");
    }

    @Test
    void namesMissingAndExtraParameters() {
        Module net = smallSpec(4).build(new Random(2));
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        net.namedParameters().forEach((name, p) -> tensors.put(name, p.value()));
        tensors.remove("layers.2.bias");
        Path missing = dir.resolve("missing.safetensors");
        Safetensors.write(missing, new SafetensorsContent(tensors));
        assertMessage(() -> ModelFile.loadWeights(missing, net), missing.toString(),
                "no tensor for parameter 'layers.2.bias' of shape [2]");
        tensors.put("layers.2.bias", Tensor.zeros(DType.FLOAT32, 2));
        tensors.put("layers.4.weight", Tensor.zeros(DType.FLOAT32, 1, 2));
        Path extra = dir.resolve("extra.safetensors");
        Safetensors.write(extra, new SafetensorsContent(tensors));
        assertMessage(() -> ModelFile.loadWeights(extra, net), extra.toString(),
                "holds tensor 'layers.4.weight' of shape [1, 2] for which the network has no parameter");
    }

    @Test
    void refusesUnknownFormatsAndPlainSafetensors() {
        Map<String, Tensor> none = Map.of();
        Path plain = dir.resolve("plain.safetensors");
        Safetensors.write(plain, new SafetensorsContent(none));
        assertMessage(() -> ModelFile.load(plain), plain.toString(), "not a Descent model file", "descent.format");
        Path future = dir.resolve("future.safetensors");
        Safetensors.write(future, new SafetensorsContent(none, Map.of("descent.format", "3", "descent.spec", "{}")));
        assertMessage(() -> ModelFile.load(future), future.toString(), "model format '3'", "reads formats 1 and 2");
        Path noSpec = dir.resolve("nospec.safetensors");
        Safetensors.write(noSpec, new SafetensorsContent(none, Map.of("descent.format", "2")));
        assertMessage(() -> ModelFile.load(noSpec), "no 'descent.spec'");
    }

    @Test
    void refusesANetworkThatDoesNotMatchItsSpec() {
        Module other = smallSpec(4).build(new Random(1));
        assertMessage(() -> new Model(NetworkSpecTest.mnistMlp(), other), "does not have the spec's layers");
        NetworkSpec wider = new NetworkSpec(5, smallSpec(4).layers(), "regression", "l2", 0, List.of(), null);
        assertMessage(() -> new Model(wider, other), "does not fit the spec's 5 inputs", "layers.0");
    }
}
