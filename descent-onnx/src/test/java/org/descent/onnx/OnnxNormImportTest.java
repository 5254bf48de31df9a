package org.descent.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.loss.CrossEntropy;
import org.descent.nn.LayerArguments;
import org.descent.nn.LayerSpec;
import org.descent.onnx.proto.Onnx.ModelProto;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch and layer normalization, both GELUs (as the Erf and Tanh patterns PyTorch 1.13 writes),
 * Reshape and Flatten import: from PyTorch ({@code normed.onnx}) and from Descent's own export.
 */
class OnnxNormImportTest {
    @TempDir
    Path dir;

    @Test
    void aPyTorchNetworkWithNormsGelusAndAResidualImportsPredictsFineTunesAndSaves() throws Exception {
        Model model = OnnxImport.read(TorchFixtures.resource("normed.onnx"));
        assertEquals("64 → graph(linear_0: Linear(32) ← input, batch_norm_1: batch_norm(eps=0.001, momentum=0.3) ← linear_0,"
                + " gelu_2: gelu ← batch_norm_1, linear_3: Linear(32) ← gelu_2, layer_norm_4: layer_norm(eps=1.0E-5) ← linear_3,"
                + " gelu_tanh_5: gelu_tanh ← layer_norm_4, sum_6: identity ← sum(gelu_2, gelu_tanh_5), linear_7: Linear(10) ← sum_6)",
                model.spec().architecture());
        JsonNode expected = TorchFixtures.expected();
        Tensor x = TorchFixtures.x(expected);
        TorchFixtures.assertClose(expected.get("normed"), model.predict(x), "normed");
        var digits = EmbeddedData.digits();
        FineTune.lowersTheLoss(model, new CrossEntropy(), digits.features(), digits.targets(), 10);
        FineTune.savesAndLoads(model, dir.resolve("normed.safetensors"), x);
    }

    private static Model trained(NetworkSpec spec) {
        Model model = Model.create(spec, new Random(3));
        var digits = EmbeddedData.digits();
        // Running statistics and affine parameters away from their initial 0, 1: a few training steps.
        FineTune.lowersTheLoss(model, new CrossEntropy(), digits.features(), digits.targets(), 5);
        return model;
    }

    @Test
    void descentsOwnExportOfEveryNewLayerComesBackAsItWas() {
        NetworkSpec spec = new NetworkSpec(64, List.of(LayerSpec.linear(24),
                new LayerSpec("batch_norm", LayerArguments.of("eps", 1e-3, "momentum", 0.2)), LayerSpec.activation("gelu"),
                LayerSpec.linear(16), new LayerSpec("layer_norm", LayerArguments.of("eps", 1e-4)),
                LayerSpec.activation("gelu_tanh"), new LayerSpec("leaky_relu", LayerArguments.of("alpha", 0.2)),
                new LayerSpec("elu", LayerArguments.of("alpha", 0.5)), LayerSpec.linear(10)), "multiclass", "cross_entropy", 10,
                List.of(), Normalize.standardize(EmbeddedData.digits()));
        Model original = trained(spec);
        Tensor x = EmbeddedData.digits().features();
        Model back = OnnxImport.fromBytes(OnnxExport.toBytes(original), "m.onnx");
        assertEquals(spec, back.spec());
        Tensor expected = original.predict(x);
        Tensor actual = back.predict(x);
        assertEquals(List.of(), java.util.stream.IntStream.range(0, expected.size())
                .filter(i -> expected.get(i) != actual.get(i)).boxed().limit(5).toList());
        // Without the metadata: the same layers from the operators alone, the normalization from Sub/Div.
        ModelProto bare = OnnxExport.toProto(original).toBuilder().clearMetadataProps().build();
        Model plain = OnnxImport.fromBytes(bare.toByteArray(), "bare.onnx");
        assertEquals(spec.topology(), plain.spec().topology());
        Tensor a = original.predict(x);
        Tensor b = plain.predict(x);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), 1e-5 * Math.max(1, Math.abs(a.get(i))), "output " + i);
        }
    }

    private static String refusal(ModelProto model) {
        return assertThrows(DescentException.class, () -> OnnxImport.fromBytes(model.toByteArray(), "m.onnx")).getMessage();
    }
}
