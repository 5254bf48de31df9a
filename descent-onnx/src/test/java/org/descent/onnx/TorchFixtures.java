package org.descent.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.descent.tensor.Tensor;

/** The files of {@code tools/pytorch/export_onnx_fixtures.py}: ONNX models PyTorch exported, its inputs and outputs. */
final class TorchFixtures {
    private TorchFixtures() {
    }

    static Path resource(String name) throws Exception {
        return Path.of(TorchFixtures.class.getResource("/pytorch/" + name).toURI());
    }

    static JsonNode expected() throws Exception {
        return new ObjectMapper().readTree(resource("expected.json").toFile());
    }

    static Tensor x(JsonNode expected) {
        float[] x = new float[expected.get("x").size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) expected.get("x").get(i).asDouble();
        }
        return Tensor.of(x, x.length / 64, 64);
    }

    static void assertClose(JsonNode expected, Tensor actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < actual.size(); i++) {
            double e = expected.get(i).asDouble();
            assertEquals(e, actual.get(i), 1e-5 * Math.max(1, Math.abs(e)), what + " output " + i);
        }
    }
}
