package org.descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.data.Split;
import org.descent.io.Model;
import org.descent.io.ModelFile;
import org.descent.io.NetworkSpec;
import org.descent.io.Safetensors;
import org.descent.io.Topology;
import org.descent.loss.CrossEntropy;
import org.descent.optim.Adam;
import org.descent.train.Checkpoint;
import org.descent.train.CheckpointListener;
import org.descent.train.EarlyStopping;
import org.descent.train.EpochResult;
import org.descent.train.History;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new stateful layer kind ({@link RunningMean}: one file) becomes saveable with one registry
 * line: its buffers are in the state map, survive the model file and the checkpoint bit for bit,
 * and follow train()/eval().
 */
class StatefulLayerTest {
    static {
        LayerRegistry.register(RunningMean.TYPE);
    }

    private static final Split DIGITS = Split.of(EmbeddedData.digits(), 0.7, 0.15, 3, true);
    private static final Dataset TRAIN = Normalize.standardize(DIGITS.train()).apply(DIGITS.train());

    @TempDir
    Path dir;

    private static Sequential network() {
        Random random = new Random(5);
        return new Sequential(new Linear(64, 16, random), new RunningMean(16, 0.2), new Relu(), new Linear(16, 10, random));
    }

    private static Trainer trainer(Module model, Adam optimizer, int epochs) {
        return new Trainer(model, new CrossEntropy(), optimizer, Task.MULTICLASS, new TrainingConfig(epochs, 64, 7));
    }

    private static NetworkSpec spec(Module network) {
        return new NetworkSpec(64, Topology.of(network), "classification", "cross-entropy", 10, List.of(), null, 0);
    }

    @Test
    void theStateMapHoldsParametersThenBuffersAndOptimizersSeeOnlyParameters() {
        Sequential net = network();
        assertEquals(List.of("layers.0.weight", "layers.0.bias", "layers.3.weight", "layers.3.bias", "layers.1.mean",
                "layers.1.batches"), List.copyOf(net.state().keySet()));
        assertEquals(4, net.parameters().size());
        assertEquals(List.of("layers.1.mean", "layers.1.batches"), List.copyOf(net.namedBuffers().keySet()));
        net.to(DType.FLOAT64);
        assertEquals(DType.FLOAT64, net.state().get("layers.1.mean").dtype());
    }

    @Test
    void buffersFollowTrainAndEvalThroughSequentialAndGraph() {
        RunningMean inner = new RunningMean(3, 0.5);
        Graph graph = Graph.builder(3).add("centre", inner, "input").add("out", new Tanh(), "centre").build();
        Sequential net = new Sequential(graph, new Identity());
        Tensor x = Tensor.of(new float[] {1, 2, 3, 5, 6, 7}, 2, 3);
        net.forward(x);
        assertArrayEquals(new float[] {1.5f, 2f, 2.5f}, inner.mean().value().floatData());
        net.eval();
        assertFalse(inner.isTraining() || graph.isTraining() || net.isTraining());
        Tensor y = net.forward(x);
        assertArrayEquals(new float[] {1.5f, 2f, 2.5f}, inner.mean().value().floatData(), "eval leaves the buffer");
        assertEquals((float) Math.tanh(1 - 1.5), y.floatData()[0], 1e-7);
        net.train();
        assertTrue(inner.isTraining() && graph.isTraining());
        net.forward(x);
        assertArrayEquals(new float[] {2.25f, 3f, 3.75f}, inner.mean().value().floatData());
        assertArrayEquals(new float[] {2}, inner.batches().value().floatData());
    }

    @Test
    void buffersSurviveTheModelFileBitForBit() {
        Sequential net = network();
        trainer(net, new Adam(net.parameters(), 0.01), 1).fit(TRAIN, null);
        Tensor mean = ((RunningMean) net.layers().get(1)).mean().value();
        assertNotEquals(0.0, mean.get(0), "training moved the running mean");
        Path file = dir.resolve("stateful.safetensors");
        Model model = new Model(spec(net), net);
        ModelFile.save(file, model);
        assertTrue(Safetensors.read(file).metadata().get(ModelFile.SPEC_KEY)
                .contains("{\"kind\":\"running_mean\",\"momentum\":0.2}"));

        Model loaded = ModelFile.load(file);
        RunningMean layer = (RunningMean) ((Sequential) loaded.network()).layers().get(1);
        assertArrayEquals(mean.floatData(), layer.mean().value().floatData());
        assertArrayEquals(new float[] {(float) Math.ceil(TRAIN.size() / 64.0)}, layer.batches().value().floatData());
        Tensor x = TRAIN.features();
        assertArrayEquals(model.predict(x).floatData(), loaded.predict(x).floatData(), "eval mode uses the saved buffer");
        assertArrayEquals(mean.floatData(), layer.mean().value().floatData(), "predict leaves the buffer");
    }

    @Test
    void aWholeNumberInAFileIsTheSameArgumentAsTheDescribedNumber() {
        String json = spec(network()).toJson().replace("\"momentum\":0.2", "\"momentum\":1");
        NetworkSpec read = NetworkSpec.fromJson(json, "hand-written");
        Model model = Model.create(read, new Random(1));        // the built layer describes itself as momentum=1.0
        assertEquals(read.topology(), Topology.of(model.network()));
        assertEquals(read, model.spec());                        // the model's spec is the layers' own: the same arguments
    }

    @Test
    void aResumedRunRestoresTheBuffersExactly() {
        Sequential straight = network();
        trainer(straight, new Adam(straight.parameters(), 0.01), 4).fit(TRAIN, null);

        Path file = dir.resolve("run.ckpt");
        Sequential first = network();
        trainer(first, new Adam(first.parameters(), 0.01), 2).addListener(new CheckpointListener(file)).fit(TRAIN, null);
        assertTrue(Safetensors.read(file).tensors().containsKey("model.layers.1.mean"));

        Sequential resumed = network();
        Adam optimizer = new Adam(resumed.parameters(), 0.01);
        int done = Checkpoint.restore(file, resumed, optimizer);
        assertEquals(2, done);
        trainer(resumed, optimizer, 4).fit(TRAIN, null, done);
        Map<String, Tensor> expected = straight.state();
        resumed.state().forEach((name, t) -> assertArrayEquals(expected.get(name).floatData(), t.floatData(), name));
    }

    @Test
    void earlyStoppingRestoresTheBuffersWithTheWeights() {
        Normalize scale = Normalize.standardize(DIGITS.train());
        Sequential net = network();
        Trainer trainer = new Trainer(net, new CrossEntropy(), new Adam(net.parameters(), 0.05), Task.MULTICLASS,
                new TrainingConfig(60, 16, 1)).addListener(new EarlyStopping(2));
        History history = trainer.fit(scale.apply(DIGITS.train()), scale.apply(DIGITS.validation()));
        assertTrue(history.stopReason().startsWith("early stopping"), history.stopReason());
        double best = history.epochs().stream().mapToDouble(EpochResult::validationLoss).min().orElseThrow();
        // The validation loss in evaluation mode uses the running mean: only the best epoch's buffer gives the best loss.
        assertEquals(best, trainer.evaluate(scale.apply(DIGITS.validation())).loss(), 1e-6);
    }

    @Test
    void aGraphWithAStatefulNodeSavesAndLoads() {
        Random random = new Random(3);
        Graph graph = Graph.builder(64).add("h", new Linear(64, 8, random), "input")
                .add("centre", new RunningMean(8, 0.5), "h").add("a", new Tanh(), "centre")
                .add("out", new Linear(72, 10, random), Combine.CONCAT, "input", "a").build();
        graph.forward(TRAIN.features());
        Path file = dir.resolve("graph.safetensors");
        ModelFile.save(file, new Model(spec(graph), graph));
        Model loaded = ModelFile.load(file);
        Map<String, Tensor> expected = graph.state();
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(loaded.network().state().keySet()));
        loaded.network().state().forEach((name, t) -> assertArrayEquals(expected.get(name).floatData(), t.floatData(), name));
    }

    @Test
    void aRefusedStateChangesNothing() {
        Sequential net = network();
        Map<String, Tensor> state = net.state();
        Tensor before = net.state().get("layers.0.weight");
        state.put("layers.0.weight", Tensor.zeros(DType.FLOAT32, 16, 64));
        state.put("layers.1.mean", Tensor.zeros(DType.FLOAT32, 15));
        String message = assertThrows(DescentException.class, () -> net.loadState(state, "s.safetensors")).getMessage();
        assertTrue(message.contains("s.safetensors: buffer 'layers.1.mean' has shape [16] in the network but [15]"), message);
        assertTrue(before == net.state().get("layers.0.weight"), "the weight before the bad buffer was not replaced");
        state.remove("layers.1.mean");
        message = assertThrows(DescentException.class, () -> net.loadState(state, "s.safetensors")).getMessage();
        assertTrue(message.contains("no tensor for buffer 'layers.1.mean' of shape [16]"), message);
    }

    @Test
    void aKindIsRegisteredOnceAndAnUnregisteredLayerIsNotSaved() {
        LayerRegistry.register(RunningMean.TYPE);
        LayerType<RunningMean> other = new LayerType<>("linear", RunningMean.class, List.of(),
                (args, in, random) -> new RunningMean(in, 0.1), m -> LayerArguments.none(), (args, in) -> LayerLayout.sameSize(in));
        String message = assertThrows(DescentException.class, () -> LayerRegistry.register(other)).getMessage();
        assertTrue(message.contains("kind 'linear' is already Linear"), message);
        Sequential custom = new Sequential(new Linear(2, 2, new Random(1)), new Activation("Swish", z -> z.mul(z.sigmoid())));
        message = assertThrows(DescentException.class, () -> Topology.of(custom)).getMessage();
        assertTrue(message.startsWith("layer layers.1 is Activation(Swish), which a model file cannot describe; "
                + "register its kind with LayerRegistry.register"), message);
    }
}
