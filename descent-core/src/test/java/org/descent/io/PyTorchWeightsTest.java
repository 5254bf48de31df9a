package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Random;
import org.descent.DescentException;
import org.descent.autograd.NoGrad;
import org.descent.nn.Linear;
import org.descent.nn.Sequential;
import org.descent.nn.Tanh;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * PyTorch weights in: {@code state_dict} files of {@code nn.Sequential} (keys {@code 0.weight},
 * ...) in F32, F16 and BF16, and a model file made by {@code tools/pytorch/sequential_to_descent.py},
 * predict what PyTorch predicted ({@code tools/pytorch/generate_pytorch_weights.py}).
 */
class PyTorchWeightsTest {
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PyTorchWeightsTest.class.getResource("/pytorch/" + name).toURI());
    }

    private static JsonNode expected() throws Exception {
        return new ObjectMapper().readTree(resource("expected.json").toFile());
    }

    private static Tensor x(JsonNode expected) {
        float[] x = new float[expected.get("x").size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) expected.get("x").get(i).asDouble();
        }
        return Tensor.of(x, x.length / 4, 4);
    }

    private static void assertClose(JsonNode expected, Tensor actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < actual.size(); i++) {
            double e = expected.get(i).asDouble();
            assertEquals(e, actual.get(i), 1e-6 + 1e-5 * Math.abs(e), what + " output " + i);
        }
    }

    @Test
    void stateDictsInF32F16AndBf16LoadWithThePrefixLayers() throws Exception {
        JsonNode expected = expected();
        for (String dtype : new String[] {"f32", "f16", "bf16"}) {
            Random random = new Random(1);
            Sequential net = new Sequential(new Linear(4, 6, random), new Tanh(), new Linear(6, 3, random));
            ModelFile.loadWeights(resource("state_dict_" + dtype + ".safetensors"), net, "layers.");
            Tensor y;
            try (NoGrad scope = NoGrad.enter()) {
                y = net.forward(x(expected));
            }
            assertClose(expected.get("outputs").get(dtype), y, dtype);
        }
    }

    @Test
    void aFunctionMapsNamesAndNullLeavesATensorOut() throws Exception {
        Random random = new Random(1);
        Sequential net = new Sequential(new Linear(4, 6, random), new Tanh(), new Linear(6, 3, random));
        Tensor before = net.state().get("layers.2.bias").copy(net.state().get("layers.2.bias").dtype());
        // Leaving out 2.bias makes the map incomplete: refused, nothing changed.
        DescentException e = assertThrows(DescentException.class, () -> ModelFile.loadWeights(
                resource("state_dict_f32.safetensors"), net, n -> n.equals("2.bias") ? null : "layers." + n));
        assertTrue(e.getMessage().contains("layers.2.bias"), e.getMessage());
        assertEquals(before.get(0), net.state().get("layers.2.bias").get(0), 0.0);
        e = assertThrows(DescentException.class, () -> ModelFile.loadWeights(
                resource("state_dict_f32.safetensors"), net, n -> "layers.0.bias"));
        assertTrue(e.getMessage().contains("are both renamed to 'layers.0.bias'"), e.getMessage());
        ModelFile.loadWeights(resource("state_dict_f32.safetensors"), net, n -> "layers." + n);
        assertClose(expected().get("outputs").get("f32"), new Model(new NetworkSpec(4,
                Topology.of(net).layers(), "regression", "l2", 0, java.util.List.of(), null), net).predict(x(expected())),
                "mapped by a function");
    }

    @Test
    void withoutAPrefixTheNamesAreRefused() {
        Random random = new Random(1);
        Sequential net = new Sequential(new Linear(4, 6, random), new Tanh(), new Linear(6, 3, random));
        DescentException e = assertThrows(DescentException.class,
                () -> ModelFile.loadWeights(resource("state_dict_f32.safetensors"), net));
        assertTrue(e.getMessage().contains("layers.0.weight"), e.getMessage());
    }

    @Test
    void theRecipesModelFilePredictsLikePyTorch() throws Exception {
        Model model = ModelFile.load(resource("recipe.safetensors"));
        assertEquals("4 → Linear(6) → tanh → Linear(3) → softmax", model.spec().architecture());
        JsonNode expected = expected();
        assertClose(expected.get("recipe"), model.predict(x(expected)), "recipe");
        Prediction p = Predictor.of(model).predict(x(expected).get(0), x(expected).get(1), x(expected).get(2),
                x(expected).get(3));
        assertEquals(expected.get("recipe").get(0).asDouble(), p.probabilities()[0], 1e-6);
    }

    @Test
    void theRecipeTakesTheToolboxLayers() throws Exception {
        Model model = ModelFile.load(resource("recipe_norms.safetensors"));
        assertEquals("4 → Linear(8) → batch_norm(eps=0.001, momentum=0.2) → gelu → linear(out=8, bias=false) → layer_norm(eps=1.0E-5)"
                + " → gelu_tanh → leaky_relu(alpha=0.2) → elu(alpha=0.5) → silu → Linear(3)", model.spec().architecture());
        JsonNode expected = expected();
        assertClose(expected.get("recipe_norms"), model.predict(x(expected)), "recipe_norms");
    }

    private static byte[] file(String dtype, int... halves) {
        String header = "{\"t\":{\"dtype\":\"" + dtype + "\",\"shape\":[" + halves.length + "],\"data_offsets\":[0,"
                + 2 * halves.length + "]}}";
        while (header.length() % 8 != 0) {
            header += " ";
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + header.length() + 2 * halves.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length()).put(header.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int h : halves) {
            b.putShort((short) h);
        }
        return b.array();
    }

    @Test
    void halfAndBfloat16ValuesConvertExactly() {
        Tensor f16 = Safetensors.decode(file("F16", 0x3c00, 0xc000, 0x7bff, 0x0001, 0x03ff, 0x8000, 0x7c00, 0xfc00, 0x7e00),
                "h.safetensors").tensors().get("t");
        assertEquals(org.descent.tensor.DType.FLOAT32, f16.dtype());
        float[] expected = {1f, -2f, 65504f, 0x1p-24f, 1023 * 0x1p-24f, -0f, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits((float) f16.get(i)), "F16 value " + i);
        }
        assertTrue(Double.isNaN(f16.get(8)));
        Tensor bf16 = Safetensors.decode(file("BF16", 0x3f80, 0xc040, 0x0001), "b.safetensors").tensors().get("t");
        assertEquals(1.0, bf16.get(0), 0.0);
        assertEquals(-3.0, bf16.get(1), 0.0);
        assertEquals(Float.intBitsToFloat(0x10000), (float) bf16.get(2), 0.0);
    }
}
