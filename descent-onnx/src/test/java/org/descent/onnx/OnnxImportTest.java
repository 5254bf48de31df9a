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
import org.descent.loss.L2Loss;
import org.descent.nn.LayerSpec;
import org.descent.onnx.proto.Onnx.ModelProto;
import org.descent.onnx.proto.Onnx.NodeProto;
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

    @Test
    void aPyTorchMlpImportsPredictsFineTunesAndSaves() throws Exception {
        Model model = OnnxImport.read(TorchFixtures.resource("mlp.onnx"));
        assertEquals("64 → Linear(32) → relu → Linear(16) → tanh → Linear(10) → log_softmax", model.spec().architecture());
        assertEquals("multiclass", model.spec().task());
        JsonNode expected = TorchFixtures.expected();
        TorchFixtures.assertClose(expected.get("mlp"), model.predict(TorchFixtures.x(expected)), "mlp");
        // Fine-tune: a few Adam steps on digits lower the loss, then the model saves and loads.
        var digits = EmbeddedData.digits();
        FineTune.lowersTheLoss(model, new CrossEntropy(), digits.features(), digits.targets(), 20);
        FineTune.savesAndLoads(model, dir.resolve("mlp.safetensors"), TorchFixtures.x(expected));
    }

    @Test
    void aPyTorchResidualNetworkBecomesAGraph() throws Exception {
        Model model = OnnxImport.read(TorchFixtures.resource("residual.onnx"));
        assertTrue(model.spec().architecture().contains("graph("), model.spec().architecture());
        JsonNode expected = TorchFixtures.expected();
        TorchFixtures.assertClose(expected.get("residual"), model.predict(TorchFixtures.x(expected)), "residual");
        // Fine-tune the imported Graph (branches joined by Add and Concat): regress the digits' first 3 one-hot columns.
        var digits = EmbeddedData.digits();
        int n = digits.size();
        float[] targets = new float[n * 3];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (float) digits.targets().get(i / 3 * 10 + i % 3);
        }
        FineTune.lowersTheLoss(model, new L2Loss(), digits.features(), Tensor.of(targets, n, 3), 20);
        FineTune.savesAndLoads(model, dir.resolve("residual.safetensors"), TorchFixtures.x(expected));
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
        OnnxImport.write(TorchFixtures.resource("mlp.onnx"), out);
        assertTrue(Files.size(out) > 0);
        TorchFixtures.assertClose(TorchFixtures.expected().get("mlp"), ModelFile.load(out).predict(TorchFixtures.x(TorchFixtures.expected())), "saved import");
    }
}
