package org.descent.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.io.ModelFile;
import org.descent.io.NetworkSpec;
import org.descent.loss.CrossEntropy;
import org.descent.nn.LayerSpec;
import org.descent.onnx.proto.Onnx.ModelProto;
import org.descent.onnx.proto.Onnx.NodeProto;
import org.descent.optim.Adam;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX files exported by PyTorch ({@code tools/pytorch/export_onnx_fixtures.py}) import, predict
 * what PyTorch predicted, fine-tune and save; Descent's own exports come back as they were; bad
 * files are one line each.
 */
class OnnxImportTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws Exception {
        return Path.of(OnnxImportTest.class.getResource("/pytorch/" + name).toURI());
    }

    private static JsonNode expected() throws Exception {
        return new ObjectMapper().readTree(resource("expected.json").toFile());
    }

    private static Tensor x(JsonNode expected) {
        float[] x = new float[expected.get("x").size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) expected.get("x").get(i).asDouble();
        }
        return Tensor.of(x, x.length / 64, 64);
    }

    private static void assertClose(JsonNode expected, Tensor actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < actual.size(); i++) {
            double e = expected.get(i).asDouble();
            assertEquals(e, actual.get(i), 1e-5 * Math.max(1, Math.abs(e)), what + " output " + i);
        }
    }

    @Test
    void aPyTorchMlpImportsPredictsFineTunesAndSaves() throws Exception {
        Model model = OnnxImport.read(resource("mlp.onnx"));
        assertEquals("64 → Linear(32) → relu → Linear(16) → tanh → Linear(10) → log_softmax", model.spec().architecture());
        assertEquals("multiclass", model.spec().task());
        JsonNode expected = expected();
        assertClose(expected.get("mlp"), model.predict(x(expected)), "mlp");
        // Fine-tune: a few Adam steps on digits lower the loss, then the model saves and loads.
        var digits = EmbeddedData.digits();
        Tensor features = digits.features();
        CrossEntropy loss = new CrossEntropy();
        Adam adam = new Adam(model.network().parameters(), 1e-3);
        model.network().train();
        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < 20; step++) {
            model.network().zeroGrad();
            Tensor l = loss.compute(model.network().forward(features), digits.targets());
            l.backward();
            adam.step();
            first = step == 0 ? l.item() : first;
            last = l.item();
        }
        assertTrue(last < first, "fine-tuning lowered the loss from " + first + " to " + last);
        Path file = dir.resolve("mlp.safetensors");
        ModelFile.save(file, model);
        assertEquals(model.predict(x(expected)).toDoubleArray()[0], ModelFile.load(file).predict(x(expected)).toDoubleArray()[0]);
    }

    @Test
    void aPyTorchResidualNetworkBecomesAGraph() throws Exception {
        Model model = OnnxImport.read(resource("residual.onnx"));
        assertTrue(model.spec().architecture().contains("graph("), model.spec().architecture());
        assertClose(expected().get("residual"), model.predict(x(expected())), "residual");
    }

    @Test
    void descentsOwnExportComesBackWithItsSpec() throws Exception {
        NetworkSpec spec = new NetworkSpec(64, List.of(LayerSpec.linear(16), LayerSpec.activation("sigmoid"),
                LayerSpec.linear(10)), "multiclass", "cross_entropy", 10, List.of(), Normalize.standardize(EmbeddedData.digits()));
        Model original = Model.create(spec, new Random(2));
        Model back = OnnxImport.fromBytes(OnnxExport.toBytes(original), "m.onnx");
        assertEquals(spec, back.spec());
        Tensor x = EmbeddedData.digits().features();
        assertEquals(List.of(), mismatches(original.predict(x), back.predict(x)));
        // Without the metadata: the Sub/Div become the normalization again, and the task a regression.
        ModelProto bare = ModelProto.parseFrom(OnnxExport.toBytes(original)).toBuilder().clearMetadataProps().build();
        Model plain = OnnxImport.fromBytes(bare.toByteArray(), "bare.onnx");
        assertEquals("regression", plain.spec().task());
        Tensor a = original.predict(x);
        Tensor b = plain.predict(x);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), 1e-5 * Math.max(1, Math.abs(a.get(i))), "output " + i);
        }
    }

    private static List<Integer> mismatches(Tensor a, Tensor b) {
        return java.util.stream.IntStream.range(0, a.size()).filter(i -> a.get(i) != b.get(i)).boxed().toList();
    }

    private ModelProto exported() {
        NetworkSpec spec = new NetworkSpec(4, List.of(LayerSpec.linear(3)), "regression", "l2", 0, List.of(), null);
        return OnnxExport.toProto(Model.create(spec, new Random(1)));
    }

    private String refusal(byte[] bytes) {
        return assertThrows(DescentException.class, () -> OnnxImport.fromBytes(bytes, "m.onnx")).getMessage();
    }

    @Test
    void unsupportedOperatorWrongOpsetCorruptFileAndWrongInputAreOneLineEach() throws Exception {
        ModelProto model = exported();
        ModelProto conv = model.toBuilder().setGraph(model.getGraph().toBuilder().setNode(0,
                model.getGraph().getNode(0).toBuilder().setOpType("Conv").setName("conv1"))).build();
        assertEquals("m.onnx: node 'conv1' is a Conv, which Descent cannot import; it imports " + OnnxOps.SUPPORTED,
                refusal(conv.toByteArray()));
        ModelProto old = model.toBuilder().setOpsetImport(0, model.getOpsetImport(0).toBuilder().setVersion(7)).build();
        assertEquals("m.onnx uses ONNX opset 7; Descent reads opsets 9 to 21 (export with opset_version=17)",
                refusal(old.toByteArray()));
        byte[] bytes = model.toByteArray();
        String corrupt = refusal(java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(corrupt.startsWith("m.onnx is not an ONNX model"), corrupt);
        assertTrue(refusal("hello, not onnx".getBytes()).startsWith("m.onnx is not an ONNX model"));
        var input = model.getGraph().getInput(0).toBuilder();
        input.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().addDim(
                org.descent.onnx.proto.Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(28));
        ModelProto image = model.toBuilder().setGraph(model.getGraph().toBuilder().setInput(0, input)).build();
        assertEquals("m.onnx: input 'input' has shape [batch, 4, 28]; Descent takes a batch of vectors, [batch, features]"
                + " with a fixed number of features", refusal(image.toByteArray()));
        NodeProto gemm = model.getGraph().getNode(0).toBuilder().addAttribute(OnnxGraph.intAttribute("transA", 1)).build();
        ModelProto transA = model.toBuilder().setGraph(model.getGraph().toBuilder().setNode(0, gemm)).build();
        assertEquals("m.onnx: node 'layers.0' (Gemm) has transA=1, which Descent cannot import; it takes Gemm with transA=0",
                refusal(transA.toByteArray()));
    }

    @Test
    void theCliImportsAPyTorchFile() throws Exception {
        Path out = dir.resolve("torch.safetensors");
        OnnxImport.write(resource("mlp.onnx"), out);
        assertTrue(Files.size(out) > 0);
        assertClose(expected().get("mlp"), ModelFile.load(out).predict(x(expected())), "saved import");
    }
}
