package org.descent.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.descent.DescentException;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.loss.CrossEntropy;
import org.descent.nn.LayerArguments;
import org.descent.nn.LayerSpec;
import com.google.protobuf.ByteString;
import org.descent.onnx.proto.Onnx.AttributeProto;
import org.descent.onnx.proto.Onnx.GraphProto;
import org.descent.onnx.proto.Onnx.ModelProto;
import org.descent.onnx.proto.Onnx.NodeProto;
import org.descent.onnx.proto.Onnx.TensorProto;
import org.descent.tensor.DType;
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
                new LayerSpec("dropout", LayerArguments.of("p", 0.1)),
                LayerSpec.linear(16), new LayerSpec("layer_norm", LayerArguments.of("eps", 1e-4)),
                LayerSpec.activation("gelu_tanh"), new LayerSpec("leaky_relu", LayerArguments.of("alpha", 0.2)),
                new LayerSpec("elu", LayerArguments.of("alpha", 0.5)), LayerSpec.activation("silu"), LayerSpec.activation("identity"),
                LayerSpec.linear(10)), "multiclass", "cross_entropy", 10,
                List.of(), Normalize.standardize(EmbeddedData.digits()));
        Model original = trained(spec);
        Tensor x = EmbeddedData.digits().features();
        Model back = OnnxImport.fromBytes(OnnxExport.toBytes(original), "m.onnx");
        assertEquals(spec, back.spec());
        Tensor expected = original.predict(x);
        Tensor actual = back.predict(x);
        assertEquals(List.of(), java.util.stream.IntStream.range(0, expected.size())
                .filter(i -> expected.get(i) != actual.get(i)).boxed().limit(5).toList());
        // Without the metadata: the same layers from the operators alone (dropout and identity, written as
        // Identity, are not layers there), the normalization from Sub/Div.
        ModelProto bare = OnnxExport.toProto(original).toBuilder().clearMetadataProps().build();
        Model plain = OnnxImport.fromBytes(bare.toByteArray(), "bare.onnx");
        assertEquals(spec.topology().layers().stream().filter(l -> !l.kind().equals("dropout") && !l.kind().equals("identity"))
                .toList(), plain.spec().topology().layers());
        Tensor a = original.predict(x);
        Tensor b = plain.predict(x);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), 1e-5 * Math.max(1, Math.abs(a.get(i))), "output " + i);
        }
    }

    private static ModelProto exported(LayerSpec layer) {
        NetworkSpec spec = new NetworkSpec(4, List.of(LayerSpec.linear(3), layer), "regression", "l2", 0, List.of(), null);
        return OnnxExport.toProto(Model.create(spec, new Random(1))).toBuilder().clearMetadataProps().build();
    }

    /** {@code model} with node {@code name} changed by {@code change}. */
    private static ModelProto withNode(ModelProto model, String name, UnaryOperator<NodeProto.Builder> change) {
        GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            if (graph.getNode(i).getName().equals(name)) {
                graph.setNode(i, change.apply(graph.getNode(i).toBuilder()));
            }
        }
        return model.toBuilder().setGraph(graph).build();
    }

    private static String refusal(ModelProto model) {
        return assertThrows(DescentException.class, () -> OnnxImport.fromBytes(model.toByteArray(), "m.onnx")).getMessage();
    }

    @Test
    void aLoneErfABatchNormInTrainingModeALayerNormOverTheBatchAndAnUnknownGeluAreOneLineEach() {
        // 0.6 instead of ½: no GELU, so the Erf stands alone.
        ModelProto gelu = exported(LayerSpec.activation("gelu"));
        GraphProto.Builder graph = gelu.getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getName().equals("layers.1.half")) {
                graph.setInitializer(i, OnnxTensors.toProto("layers.1.half", Tensor.scalar(0.6, DType.FLOAT32)));
            }
        }
        assertEquals("m.onnx: node 'layers.1.erf' is an Erf outside a GELU pattern (x·½·(1 + Erf(x/√2)), its inner values read"
                + " by nothing else), which Descent cannot import; it imports " + OnnxOps.SUPPORTED,
                refusal(gelu.toBuilder().setGraph(graph).build()));
        ModelProto norm = exported(new LayerSpec("batch_norm", LayerArguments.of("eps", 1e-5, "momentum", 0.1)));
        assertEquals("m.onnx: node 'layers.1' (BatchNormalization) has training_mode=1 (or running-statistics outputs), which"
                + " Descent cannot import; it takes BatchNormalization in inference mode (training_mode=0, one output)",
                refusal(withNode(norm, "layers.1", n -> n.addAttribute(OnnxGraph.intAttribute("training_mode", 1)))));
        ModelProto layerNorm = exported(new LayerSpec("layer_norm", LayerArguments.of("eps", 1e-5)));
        assertEquals("m.onnx: node 'layers.1' (LayerNormalization) has axis=0, which Descent cannot import; it takes"
                + " LayerNormalization over the features of a batch of vectors (axis=-1)",
                refusal(withNode(layerNorm, "layers.1", n -> n.setAttribute(0, OnnxGraph.intAttribute("axis", 0)))));
        // Gelu, the operator of opset 20: "none" and "tanh" import, anything else is refused.
        ModelProto relu = exported(LayerSpec.activation("relu"));
        ModelProto opset20 = relu.toBuilder().setOpsetImport(0, relu.getOpsetImport(0).toBuilder().setVersion(20)).build();
        assertEquals("4 → Linear(3) → gelu_tanh", OnnxImport.fromBytes(withNode(opset20, "layers.1",
                n -> n.setOpType("Gelu").addAttribute(approximate("tanh"))).toByteArray(), "m.onnx").spec().architecture());
        assertEquals("4 → Linear(3) → gelu", OnnxImport.fromBytes(withNode(opset20, "layers.1", n -> n.setOpType("Gelu"))
                .toByteArray(), "m.onnx").spec().architecture());
        assertEquals("m.onnx: node 'layers.1' (Gelu) has approximate='fast', which Descent cannot import; it takes Gelu with"
                + " approximate 'none' or 'tanh'", refusal(withNode(opset20, "layers.1",
                        n -> n.setOpType("Gelu").addAttribute(approximate("fast")))));
    }

    private static AttributeProto approximate(String value) {
        return AttributeProto.newBuilder().setName("approximate").setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    /** The linear model with a Reshape of its input to {@code shape} in front. */
    private static ModelProto reshaped(long... shape) {
        ModelProto model = exported(LayerSpec.activation("relu"));
        TensorProto.Builder dims = TensorProto.newBuilder().setName("shape").setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(shape.length);
        for (long d : shape) {
            dims.addInt64Data(d);
        }
        GraphProto.Builder graph = model.getGraph().toBuilder().addInitializer(dims).addNode(0, NodeProto.newBuilder()
                .setName("reshape").setOpType("Reshape").addInput("input").addInput("shape").addOutput("rows"));
        graph.setNode(1, graph.getNode(1).toBuilder().setInput(0, "rows"));
        return model.toBuilder().setGraph(graph).build();
    }

    @Test
    void aReshapeKeepingTheBatchOfVectorsImportsAndAnyOtherIsOneLine() {
        for (long[] shape : new long[][] {{-1, 4}, {0, 4}, {7, 4}, {0, -1}}) {
            assertEquals("4 → Linear(3) → relu", OnnxImport.fromBytes(reshaped(shape).toByteArray(), "m.onnx").spec()
                    .architecture(), java.util.Arrays.toString(shape));
        }
        assertEquals("m.onnx: node 'reshape' (Reshape) has shape [-1, 2, 2], which Descent cannot import; it takes Reshape of a"
                + " batch of vectors to [-1, 4], [0, 4] or [N, 4]", refusal(reshaped(-1, 2, 2)));
        assertEquals("m.onnx: node 'reshape' (Reshape) has shape [-1, -1], which Descent cannot import; it takes Reshape of a"
                + " batch of vectors to [-1, 4], [0, 4] or [N, 4]", refusal(reshaped(-1, -1)));
    }

    /** The linear model with its relu replaced by {@code ops}: "op out in..." lines, x the relu's input, y its output. */
    private static ModelProto replacingRelu(String... ops) {
        ModelProto model = exported(LayerSpec.activation("relu"));
        GraphProto.Builder graph = model.getGraph().toBuilder();
        NodeProto relu = graph.getNode(1);
        graph.removeNode(1);
        java.util.Map<String, Double> scalars = java.util.Map.of("half", 0.5, "one", 1.0, "invsqrt2", Math.sqrt(0.5),
                "three", 3.0, "kappa", 0.044715, "beta", Math.sqrt(2 / Math.PI));
        scalars.forEach((name, v) -> graph.addInitializer(OnnxTensors.toProto(name, Tensor.scalar(v, DType.FLOAT32))));
        for (String op : ops) {
            String[] w = op.replace("x", relu.getInput(0)).split(" ");
            NodeProto.Builder node = NodeProto.newBuilder().setOpType(w[0]).setName(w[1]).addOutput(w[1].equals("y")
                    ? relu.getOutput(0) : w[1]);
            java.util.Arrays.stream(w, 2, w.length).forEach(node::addInput);
            graph.addNode(node);
        }
        return model.toBuilder().setGraph(graph).build();
    }

    @Test
    void theGeluPatternsMatchInOtherGroupingsAndOrders() {
        ModelProto exact = replacingRelu("Mul h x half", "Mul s invsqrt2 x", "Erf e s", "Add a one e", "Mul y a h");
        assertEquals("4 → Linear(3) → gelu", OnnxImport.fromBytes(exact.toByteArray(), "m.onnx").spec().architecture());
        ModelProto tanh = replacingRelu("Pow p x three", "Mul c p kappa", "Add i c x", "Mul t i beta", "Tanh th t",
                "Add a th one", "Mul h half x", "Mul y h a");
        assertEquals("4 → Linear(3) → gelu_tanh", OnnxImport.fromBytes(tanh.toByteArray(), "m.onnx").spec().architecture());
        // An inner value read by another node too: no pattern, and the Erf is refused.
        ModelProto shared = replacingRelu("Mul h x half", "Mul s invsqrt2 x", "Erf e s", "Add a one e", "Mul m a h",
                "Add y m e");
        assertEquals("m.onnx: node 'e' is an Erf outside", refusal(shared).substring(0, 34));
    }
}
