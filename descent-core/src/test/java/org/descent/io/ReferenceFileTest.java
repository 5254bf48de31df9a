package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Model files written outside Java ({@code tools/fixtures/generate_fixtures.py}: PyTorch weights,
 * the bytes laid out by the safetensors package or by struct/json) load in Descent, and the loaded
 * network predicts what PyTorch computed.
 */
class ReferenceFileTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ReferenceFileTest.class.getResource("/fixtures/" + name).toURI());
    }

    private static JsonNode fixtureCase(String name) throws IOException {
        try (InputStream in = ReferenceFileTest.class.getResourceAsStream("/fixtures/model_files.json")) {
            return new ObjectMapper().readTree(in).get("cases").get(name);
        }
    }

    private static double[] data(JsonNode tensor) {
        double[] values = new double[tensor.get("data").size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = tensor.get("data").get(i).doubleValue();
        }
        return values;
    }

    private static Tensor tensor(JsonNode node, DType dtype) {
        int[] dims = new int[node.get("shape").size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = node.get("shape").get(i).intValue();
        }
        return Tensor.of(data(node), dims).copy(dtype);
    }

    @ParameterizedTest
    @CsvSource({"reference.safetensors, reference_f32, FLOAT32, 1e-5", "reference_f64.safetensors, reference, FLOAT64, 1e-10"})
    void loadsAModelFileWrittenByPython(String file, String caseName, DType dtype, double tolerance) throws Exception {
        JsonNode expected = fixtureCase(caseName);
        SafetensorsContent content = Safetensors.read(resource(file));
        assertEquals(List.of("layers.0.bias", "layers.0.weight", "layers.2.bias", "layers.2.weight"),
                List.copyOf(content.tensors().keySet()));
        for (Map.Entry<String, Tensor> e : content.tensors().entrySet()) {
            assertEquals(dtype, e.getValue().dtype(), e.getKey());
            double[] want = data(expected.get(e.getKey()));
            assertEquals(tensor(expected.get(e.getKey()), dtype).shape(), e.getValue().shape(), e.getKey());
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], e.getValue().get(i), 0.0, e.getKey() + "[" + i + "] bitwise");
            }
        }

        Model model = ModelFile.load(resource(file));
        assertEquals("4 → Linear(5) → tanh → Linear(3)", model.spec().architecture());
        assertEquals(List.of("setosa", "versicolor", "virginica"), model.spec().classNames());
        assertTrue(model.spec().normalization() instanceof Standardize);
        Tensor output = model.predict(tensor(expected.get("x"), dtype));
        double[] want = data(expected.get("output"));
        assertEquals(want.length, output.size());
        for (int i = 0; i < want.length; i++) {
            double error = Math.abs(output.get(i) - want[i]) / Math.max(1, Math.abs(want[i]));
            assertTrue(error <= tolerance, "output[" + i + "]: " + output.get(i) + " vs PyTorch " + want[i]);
        }
    }
}
