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
import org.descent.nn.Activations;
import org.descent.nn.Combine;
import org.descent.nn.Graph;
import org.descent.nn.Linear;
import org.descent.nn.Module;
import org.descent.nn.MultiplicativeCombination;
import org.descent.nn.Sequential;
import org.descent.nn.Tanh;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format 2: every built-in layer kind and Graph networks save and load; a file is checked whole before building. */
class ModelFormat2Test {
    @TempDir
    Path dir;

    private static NetworkSpec spec(int inputs, Module network) {
        return new NetworkSpec(inputs, Topology.of(network), "regression", "l2", 0, List.of(), null, 0);
    }

    private Model roundTrip(Model model) {
        Path file = dir.resolve("m.safetensors");
        ModelFile.save(file, model);
        Model loaded = ModelFile.load(file);
        assertEquals(model.spec(), loaded.spec());
        Map<String, Tensor> expected = model.network().state();
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(loaded.network().state().keySet()));
        loaded.network().state().forEach((name, t) -> assertArrayEquals(expected.get(name).toDoubleArray(),
                t.toDoubleArray(), 0.0, name));
        return loaded;
    }

    @Test
    void everyBuiltInLayerKindSavesAndLoads() {
        Random random = new Random(4);
        List<Module> layers = new java.util.ArrayList<>(List.of(new MultiplicativeCombination(3, 4, 5, random),
                new Linear(5, 5, random)));
        for (String name : Activations.names()) {
            layers.add(Activations.create(name));
        }
        Sequential net = new Sequential(layers.toArray(new Module[0]));
        Model model = new Model(spec(3, net), net);
        assertEquals("3 → multiplicative_combination(units=4, out=5) → Linear(5) → identity → sigmoid → tanh → relu"
                + " → softplus → softmax → log_softmax → gelu → gelu_tanh → silu → leaky_relu → elu", model.spec().architecture());
        Model loaded = roundTrip(model);
        Tensor x = Tensor.uniform(new Random(5), 0.01, 0.3, DType.FLOAT32, 4, 3);
        assertArrayEquals(model.predict(x).floatData(), loaded.predict(x).floatData());
        assertEquals(net.toString(), loaded.network().toString());
    }

    @Test
    void aGraphSavesLoadsAndPredictsTheSame() {
        Random random = new Random(2);
        Graph graph = Graph.builder(3)
                .add("h1", new Linear(3, 4, random), "input")
                .add("a1", new Tanh(), "h1")
                .add("h2", new Linear(4, 4, random), "a1")
                .add("res", new Tanh(), Combine.SUM, "h2", "a1")
                .add("out", new Linear(7, 2, random), Combine.CONCAT, "input", "res")
                .build();
        Model model = new Model(spec(3, graph), graph);
        assertEquals("3 → graph(h1: Linear(4) ← input, a1: tanh ← h1, h2: Linear(4) ← a1, res: tanh ← sum(h2, a1),"
                + " out: Linear(2) ← concat(input, res))", model.spec().architecture());
        assertTrue(model.spec().toJson().contains("\"graph\":[{\"name\":\"h1\",\"inputs\":[\"input\"],"
                + "\"layer\":{\"kind\":\"linear\",\"out\":4}}"), model.spec().toJson());
        assertTrue(model.spec().toJson().contains("{\"name\":\"out\",\"inputs\":[\"input\",\"res\"],\"combine\":\"concat\""));
        Model loaded = roundTrip(model);
        assertTrue(loaded.network() instanceof Graph);
        Tensor x = Tensor.uniform(new Random(5), -2, 2, DType.FLOAT32, 6, 3);
        assertArrayEquals(model.predict(x).floatData(), loaded.predict(x).floatData());
        assertEquals(List.of("h1.weight", "h1.bias", "h2.weight", "h2.bias", "out.weight", "out.bias"),
                List.copyOf(loaded.network().state().keySet()));
    }

    private static String graphJson(String nodes) {
        return "{\"input_size\":3,\"graph\":[" + nodes + "],\"task\":\"regression\",\"loss\":\"l2\",\"class_count\":0}";
    }

    private static void assertRefused(String json, String expected) {
        String message = assertThrows(DescentException.class, () -> NetworkSpec.fromJson(json, "g.safetensors")).getMessage();
        assertTrue(message.contains(expected), () -> "message lacks '" + expected + "': " + message);
    }

    @Test
    void aBadGraphSpecIsRefusedNamingTheNode() {
        String h = "{\"name\":\"h\",\"inputs\":[\"input\"],\"layer\":{\"kind\":\"linear\",\"out\":4}}";
        assertRefused(graphJson(h + ",{\"name\":\"o\",\"inputs\":[\"x\"],\"layer\":{\"kind\":\"relu\"}}"),
                "graph node 'o' reads 'x', which is not an earlier node; earlier: [input, h]");
        assertRefused(graphJson(h + ",{\"name\":\"o\",\"inputs\":[\"input\",\"h\"],\"layer\":{\"kind\":\"relu\"}}"),
                "graph node 'o': sum of inputs of 3 and 4 features");
        assertRefused(graphJson(h + "," + h), "graph has two nodes named 'h'");
        assertRefused(graphJson("{\"name\":\"h\",\"inputs\":[\"input\"],\"combine\":\"max\",\"layer\":{\"kind\":\"relu\"}}"),
                "graph[0].combine is 'max'");
        assertRefused(graphJson("{\"name\":\"h\",\"inputs\":[\"input\"],\"layer\":{\"kind\":\"linear\",\"out\":4,\"scale\":2}}"),
                "graph[0].layer: layer kind 'linear' takes the arguments [out, bias]; 'scale' is not one of them");
        assertRefused(graphJson("{\"name\":\"h\",\"inputs\":[\"input\"],\"layer\":{\"kind\":\"linear\",\"out\":[4]}}"),
                "graph[0].layer.out is [4]; a layer argument is a number, true/false or a string");
        assertRefused(graphJson(h).replace("\"graph\"", "\"layers\":[],\"graph\""), "both 'layers' and 'graph'");
    }

    @Test
    void aFileIsCheckedAgainstItsSpecBeforeTheNetworkIsBuilt() {
        Random random = new Random(1);
        Sequential small = new Sequential(new Linear(3, 4, random));
        Map<String, Tensor> tensors = new LinkedHashMap<>(small.state());
        // A spec asking for a weight of 7·10⁸ × 3 floats (8.4 GB): refused by its shape, never allocated.
        String huge = "{\"input_size\":3,\"layers\":[{\"kind\":\"linear\",\"out\":700000000}],\"task\":\"regression\","
                + "\"loss\":\"l2\",\"class_count\":0}";
        Path file = dir.resolve("huge.safetensors");
        Safetensors.write(file, new SafetensorsContent(tensors, Map.of(ModelFile.FORMAT_KEY, "2", ModelFile.SPEC_KEY, huge)));
        String message = assertThrows(DescentException.class, () -> ModelFile.load(file)).getMessage();
        assertTrue(message.contains("tensor 'layers.0.weight' has shape [4, 3] but the file's spec needs [700000000, 3]"),
                message);
        // 2·10⁹ × 3 values cannot be one tensor at all: refused by Shape's element count (Sizes), as early.
        Safetensors.write(file, new SafetensorsContent(tensors, Map.of(ModelFile.FORMAT_KEY, "2", ModelFile.SPEC_KEY,
                huge.replace("700000000", "2000000000"))));
        message = assertThrows(DescentException.class, () -> ModelFile.load(file)).getMessage();
        assertTrue(message.contains("shape [2000000000, 3] has 6000000000 elements, more than one tensor holds"), message);
        tensors.remove("layers.0.bias");
        Safetensors.write(file, new SafetensorsContent(tensors, Map.of(ModelFile.FORMAT_KEY, "2",
                ModelFile.SPEC_KEY, spec(3, small).toJson())));
        message = assertThrows(DescentException.class, () -> ModelFile.load(file)).getMessage();
        assertTrue(message.contains("has no tensor for 'layers.0.bias' of shape [4], which its spec needs"), message);
    }
}
