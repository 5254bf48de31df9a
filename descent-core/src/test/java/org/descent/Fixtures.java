package org.descent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * PyTorch reference fixtures ({@code src/test/resources/fixtures/*.json}, written by
 * {@code tools/fixtures/generate_fixtures.py}) as tensors, and the comparison the tests use:
 * 1e-10 abs/rel in float64, 1e-5 relative in float32.
 */
public final class Fixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonNode> FILES = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    /** Case {@code name} of fixture file {@code file} (e.g. {@code "losses.json"}). */
    public static Case load(String file, String name) {
        JsonNode cases = FILES.computeIfAbsent(file, Fixtures::read).get("cases");
        JsonNode node = cases.get(name);
        if (node == null) {
            throw new IllegalArgumentException("fixture " + file + " has no case '" + name + "'");
        }
        return new Case(name, node);
    }

    /** The names of every case in {@code file}. */
    public static List<String> caseNames(String file) {
        List<String> names = new ArrayList<>();
        FILES.computeIfAbsent(file, Fixtures::read).get("cases").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture file /fixtures/" + file + " on the test class path");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read fixture " + file, e);
        }
    }

    /** {@code actual} has the shape of {@code expected} and agrees with it to the dtype's tolerance. */
    public static void assertClose(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.shape().dims(), actual.shape().dims(), what + ": shape");
        boolean f32 = expected.dtype() == DType.FLOAT32 || actual.dtype() == DType.FLOAT32;
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i);
            double a = actual.get(i);
            double allowed = f32 ? 1e-5 * Math.abs(e) + 1e-7 : 1e-10 * Math.max(1.0, Math.abs(e));
            if (!(Math.abs(a - e) <= allowed)) {
                fail(what + "[" + i + "]: expected " + e + " but got " + a + " (difference " + Math.abs(a - e) + ")");
            }
        }
    }

    /** One fixture case; tensors come in float32 for a {@code _f32} case and float64 otherwise. */
    public record Case(String name, JsonNode node) {

        public DType dtype() {
            return name.endsWith("_f32") ? DType.FLOAT32 : DType.FLOAT64;
        }

        public boolean has(String key) {
            return node.has(key);
        }

        /** Tensor {@code key} in this case's dtype, not requiring gradients. */
        public Tensor tensor(String key) {
            JsonNode t = node.get(key);
            if (t == null) {
                throw new IllegalArgumentException("fixture case " + name + " has no tensor '" + key + "'");
            }
            int[] dims = new int[t.get("shape").size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = t.get("shape").get(i).asInt();
            }
            Tensor out = Tensor.zeros(dtype(), dims);
            JsonNode data = t.get("data");
            assertTrue(data.size() == out.size(), name + "." + key + ": data does not fill its shape");
            for (int i = 0; i < out.size(); i++) {
                out.set(i, data.get(i).asDouble());
            }
            return out;
        }

        /** Integer tensor {@code key} (class labels) as an array. */
        public int[] labels(String key) {
            JsonNode data = node.get(key).get("data");
            int[] labels = new int[data.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = data.get(i).asInt();
            }
            return labels;
        }

        /** Scalar parameter {@code key}. */
        public double scalar(String key) {
            return node.get(key).asDouble();
        }
    }
}
