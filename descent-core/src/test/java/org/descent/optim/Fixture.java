package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/** One case of a PyTorch fixture file under {@code /fixtures}, see tools/fixtures/README.md. */
final class Fixture {
    private final String name;
    private final JsonNode node;

    private Fixture(String name, JsonNode node) {
        this.name = name;
        this.node = node;
    }

    static Fixture load(String file, String caseName) {
        try (InputStream in = Fixture.class.getResourceAsStream("/fixtures/" + file)) {
            assertNotNull(in, "fixture file " + file);
            JsonNode c = new ObjectMapper().readTree(in).path("cases").get(caseName);
            assertNotNull(c, "case " + caseName + " in " + file);
            return new Fixture(file + ":" + caseName, c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name.substring(name.indexOf(":") + 1);
    }

    double scalar(String key) {
        return field(key).asDouble();
    }

    boolean flag(String key) {
        return field(key).asBoolean();
    }

    double[] data(String key) {
        JsonNode values = field(key).get("data");
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asDouble();
        }
        return out;
    }

    /** A new tensor of the stored values and shape, in {@code dtype}. */
    Tensor tensor(String key, DType dtype) {
        JsonNode shape = field(key).get("shape");
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.get(i).asInt();
        }
        return Tensor.of(data(key), dims).copy(dtype);
    }

    /** Asserts that {@code actual} equals the stored values within {@code tolerance}, absolute and relative. */
    void assertClose(String key, double[] actual, double tolerance) {
        double[] expected = data(key);
        assertEquals(expected.length, actual.length, name + " " + key + " length");
        for (int i = 0; i < expected.length; i++) {
            double allowed = tolerance * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], allowed, name + " " + key + "[" + i + "]");
        }
    }

    private JsonNode field(String key) {
        JsonNode value = node.get(key);
        assertNotNull(value, name + " has no " + key);
        return value;
    }
}
