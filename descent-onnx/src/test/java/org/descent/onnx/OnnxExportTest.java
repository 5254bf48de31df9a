package org.descent.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.FashionMnist;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.io.ModelFile;
import org.descent.io.NetworkSpec;
import org.descent.io.Topology;
import org.descent.nn.Combine;
import org.descent.nn.Graph;
import org.descent.nn.LayerSpec;
import org.descent.nn.Linear;
import org.descent.nn.MultiplicativeCombination;
import org.descent.nn.Sigmoid;
import org.descent.nn.Tanh;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.onnx.proto.Onnx.ModelProto;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of network a model file can hold, exported and run in ONNX Runtime on real data
 * (the embedded digits, Fashion-MNIST rows where installed): the outputs equal
 * {@link Model#predict}'s to 1e-5 relative in float32, and the files pass the ONNX checker.
 */
class OnnxExportTest {
    @TempDir
    Path dir;

    private static final Dataset DIGITS = EmbeddedData.digits();

    private static Tensor rows(Dataset data, int n) {
        int d = data.featureCount();
        float[] values = new float[n * d];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) data.features().get(i);
        }
        return Tensor.of(values, n, d);
    }

    /** Exports, runs in ONNX Runtime, compares with Descent, checks the file; returns the proto. */
    private ModelProto exportAndCompare(Model model, Tensor features, String name) throws Exception {
        Path file = dir.resolve(name + ".onnx");
        OnnxExport.write(model, file);
        byte[] bytes = Files.readAllBytes(file);
        float[] onnx = Ort.run(bytes, OnnxExport.INPUT, features);
        Tensor descent = model.predict(features);
        assertEquals(descent.size(), onnx.length, "output size");
        double scale = 0;
        for (int i = 0; i < onnx.length; i++) {
            scale = Math.max(scale, Math.abs(descent.get(i)));
        }
        for (int i = 0; i < onnx.length; i++) {
            double expected = descent.get(i);
            // 1e-5 relative to the value, with a floor of 1e-5 of the largest output (values near 0).
            double tolerance = 1e-5 * Math.max(Math.abs(expected), scale * 1e-2);
            assertTrue(Math.abs(onnx[i] - expected) <= tolerance, name + ": output " + i + " is " + onnx[i]
                    + " in ONNX Runtime but " + expected + " in Descent");
        }
        if (OnnxChecker.available()) {
            OnnxChecker.check(file);
        }
        return ModelProto.parseFrom(bytes);
    }

    private static NetworkSpec digitsSpec(List<LayerSpec> layers, Normalize normalize) {
        return new NetworkSpec(64, layers, "classification", "cross-entropy", 10, List.of(), normalize);
    }

    @Test
    void everyActivationInAnMlpOnTheDigits() throws Exception {
        for (String activation : List.of("relu", "sigmoid", "tanh", "softplus", "identity")) {
            NetworkSpec spec = digitsSpec(List.of(LayerSpec.linear(32), LayerSpec.activation(activation),
                    LayerSpec.linear(10), LayerSpec.activation("softmax")), Normalize.standardize(DIGITS));
            Model model = Model.create(spec, new Random(7));
            ModelProto proto = exportAndCompare(model, rows(DIGITS, 300), "mlp-" + activation);
            assertEquals(OnnxExport.OPSET, proto.getOpsetImport(0).getVersion());
            assertEquals("batch", proto.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam());
            assertEquals(List.of("Sub", "Div", "Gemm"), proto.getGraph().getNodeList().subList(0, 3).stream()
                    .map(n -> n.getOpType()).toList());
        }
    }

    @Test
    void logSoftmaxWithMinMaxAndASavedFile() throws Exception {
        NetworkSpec spec = digitsSpec(List.of(LayerSpec.linear(20), LayerSpec.activation("relu"), LayerSpec.linear(10),
                LayerSpec.activation("log_softmax")), Normalize.minMax(DIGITS));
        Path file = dir.resolve("m.safetensors");
        ModelFile.save(file, Model.create(spec, new Random(3)));
        exportAndCompare(ModelFile.load(file), rows(DIGITS, 500), "log-softmax");
    }

    @Test
    void noNormalizationAndARawLinear() throws Exception {
        NetworkSpec spec = digitsSpec(List.of(LayerSpec.linear(10)), null);
        ModelProto proto = exportAndCompare(Model.create(spec, new Random(1)), rows(DIGITS, 100), "linear");
        assertEquals("Gemm", proto.getGraph().getNode(0).getOpType());
        assertEquals("output", proto.getGraph().getNode(0).getOutput(0));
    }

    @Test
    void graphWithSumAndConcat() throws Exception {
        Random random = new Random(5);
        Graph graph = Graph.builder(64)
                .add("h1", new Linear(64, 16, random), "input")
                .add("a1", new Tanh(), "h1")
                .add("h2", new Linear(16, 16, random), "a1")
                .add("a2", new Relu(), "h2")
                .add("res", new Sigmoid(), Combine.SUM, "a1", "a2")
                .add("out", new Linear(64 + 16 + 16, 10, random), Combine.CONCAT, "input", "a2", "res")
                .build();
        NetworkSpec spec = new NetworkSpec(64, Topology.of(graph), "classification", "cross-entropy", 10, List.of(),
                Normalize.standardize(DIGITS), 0);
        ModelProto proto = exportAndCompare(new Model(spec, graph), rows(DIGITS, 400), "graph");
        List<String> ops = proto.getGraph().getNodeList().stream().map(n -> n.getOpType()).toList();
        assertTrue(ops.contains("Add") && ops.contains("Concat"), ops.toString());
    }

    @Test
    void multiplicativeCombinationThroughLogMatMulExp() throws Exception {
        Random random = new Random(11);
        MultiplicativeCombination combination = new MultiplicativeCombination(16, 8, 10, random);
        // Positive weights on sigmoid outputs keep z = Wx + b > 0, where y = exp(log(z)·α) is defined.
        combination.linear().weight().set(combination.linear().weight().value().abs(), "linear.weight");
        Sequential network = new Sequential(new Linear(64, 16, random), new Sigmoid(), combination);
        NetworkSpec spec = new NetworkSpec(64, Topology.of(network).layers(), "regression", "l2", 0, List.of(),
                Normalize.standardize(DIGITS));
        ModelProto proto = exportAndCompare(new Model(spec, network), rows(DIGITS, 300), "multiplicative");
        List<String> ops = proto.getGraph().getNodeList().stream().map(n -> n.getOpType()).toList();
        assertEquals(List.of("Sub", "Div", "Gemm", "Sigmoid", "Gemm", "Log", "MatMul", "Exp"), ops);
    }

    @Test
    void fashionMnistRows() throws Exception {
        assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIRECTORY), "Fashion-MNIST is not installed");
        Dataset test = FashionMnist.folder().test();
        NetworkSpec spec = new NetworkSpec(784, List.of(LayerSpec.linear(64), LayerSpec.activation("relu"),
                LayerSpec.linear(10)), "classification", "cross-entropy", 10, FashionMnist.CLASS_NAMES,
                Normalize.standardize(test));
        exportAndCompare(Model.create(spec, new Random(9)), rows(test, 500), "fashion");
    }

    /** A registered layer kind without an ONNX entry (test-only). */
    static final class Cube extends org.descent.nn.Module {
        @Override
        public Tensor forward(Tensor input) {
            return input.pow(3);
        }

        @Override
        public int outputSize(int inputSize) {
            return inputSize;
        }
    }

    @Test
    void aKindWithoutExportIsOneLine() {
        org.descent.nn.LayerRegistry.register(org.descent.nn.LayerType.stateless("test_cube", Cube.class, Cube::new));
        Sequential network = new Sequential(new Linear(64, 4, new Random(1)), new Cube());
        NetworkSpec spec = new NetworkSpec(64, Topology.of(network).layers(), "regression", "l2", 0, List.of(), null);
        DescentException e = assertThrows(DescentException.class, () -> OnnxExport.toBytes(new Model(spec, network)));
        assertEquals("layer layers.1 is of kind 'test_cube', which has no ONNX export yet; the kinds that export are "
                + OnnxLayers.kinds(), e.getMessage());
    }

    @Test
    void theCheckerRefusesABrokenGraph() throws Exception {
        assumeTrue(OnnxChecker.available(), "python3-onnx is not installed");
        ModelProto good = OnnxExport.toProto(Model.create(digitsSpec(List.of(LayerSpec.linear(10)), null), new Random(1)));
        ModelProto bad = good.toBuilder().setGraph(good.getGraph().toBuilder().setNode(0,
                good.getGraph().getNode(0).toBuilder().setOpType("Gemmm"))).build();
        Path file = dir.resolve("bad.onnx");
        Files.write(file, bad.toByteArray());
        String problem = OnnxChecker.problem(file);
        assertTrue(problem != null && problem.contains("Gemmm"), String.valueOf(problem));
    }

    @Test
    void aPyTorchModelImportedAndExportedAgainRunsInOnnxRuntimeLikePyTorch() throws Exception {
        var expected = TorchFixtures.expected();
        Tensor x = TorchFixtures.x(expected);
        for (String name : List.of("mlp", "residual", "normed")) {
            Path resource = TorchFixtures.resource(name + ".onnx");
            Tensor onnx = Tensor.of(Ort.run(OnnxExport.toBytes(OnnxImport.read(resource)), OnnxExport.INPUT, x), expected.get(name).size());
            TorchFixtures.assertClose(expected.get(name), onnx, name + " exported again");
            // PyTorch's own file runs in ONNX Runtime too, under its own input name, and gives what PyTorch gave.
            Tensor original = Tensor.of(Ort.run(Files.readAllBytes(resource), "features", x), expected.get(name).size());
            TorchFixtures.assertClose(expected.get(name), original, name + " in ONNX Runtime");
        }
    }

    /**
     * The kinds of the layers and toolbox work, each in an MLP on the digits, wherever the kind is
     * registered (skipped, as an assumption, on a build that has none of them).
     */
    @Test
    void theLaterLayerKindsWhereRegistered() throws Exception {
        int ran = 0;
        for (String kind : List.of("dropout", "batch_norm", "layer_norm", "gelu", "gelu_tanh", "silu", "leaky_relu", "elu")) {
            if (!org.descent.nn.LayerRegistry.kinds().contains(kind)) {
                continue;
            }
            Random random = new Random(17);
            Sequential network = new Sequential(new Linear(64, 32, random), org.descent.nn.LayerRegistry.create(
                    new LayerSpec(kind, org.descent.nn.LayerArguments.none()), 32, random), new Linear(32, 10, random));
            Model model = new Model(digitsSpec(Topology.of(network).layers(), Normalize.standardize(DIGITS)), network);
            model.network().state().forEach((name, t) -> {
                if (name.endsWith("running_mean") || name.endsWith("running_var") || name.endsWith("1.weight")
                        || name.endsWith("1.bias")) {
                    for (int i = 0; i < t.size(); i++) {
                        t.set(i, name.endsWith("running_var") ? 0.5 + random.nextDouble() : random.nextGaussian());
                    }
                }
            });
            exportAndCompare(model, rows(DIGITS, 300), "kind-" + kind);
            ran++;
        }
        assumeTrue(ran > 0, "none of the later layer kinds is registered in this build");
    }
}
