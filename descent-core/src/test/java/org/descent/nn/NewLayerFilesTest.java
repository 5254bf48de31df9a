package org.descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.descent.tensor.Tensor;
import org.descent.train.Checkpoint;
import org.descent.train.CheckpointListener;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dropout, BatchNorm1d, LayerNorm and the bias-free Linear in model files (format 2) and
 * checkpoints: the spec names them with their arguments, the buffers come back bit for bit, and a
 * run resumed from a checkpoint ends exactly like an uninterrupted one.
 */
class NewLayerFilesTest {
    private static final Split DIGITS = Split.of(EmbeddedData.digits(), 0.7, 0.15, 3, true);
    private static final Dataset TRAIN = Normalize.standardize(DIGITS.train()).apply(DIGITS.train());

    @TempDir
    Path dir;

    private static Sequential network() {
        Random random = new Random(5);
        return new Sequential(new Linear(64, 24, random), new BatchNorm1d(24), new Relu(), new Dropout(0.25, random),
                new Linear(24, 16, false, random), new LayerNorm(16), new Tanh(), new Linear(16, 10, random));
    }

    private static Trainer trainer(Module model, Adam optimizer, int epochs) {
        // batch 60: the 1257 training samples leave a last batch of 57, never one of a single sample
        return new Trainer(model, new CrossEntropy(), optimizer, Task.MULTICLASS, new TrainingConfig(epochs, 60, 7));
    }

    private static NetworkSpec spec(Module network) {
        return new NetworkSpec(64, Topology.of(network), "classification", "cross-entropy", 10, List.of(), null, 0);
    }

    @Test
    void theModelFileNamesTheLayersAndKeepsTheirBuffers() {
        Sequential net = network();
        trainer(net, new Adam(net.parameters(), 0.01), 1).fit(TRAIN, null);
        BatchNorm1d bn = (BatchNorm1d) net.layers().get(1);
        assertNotEquals(0.0, bn.runningMean().value().get(0), "training moved the running mean");
        assertEquals(Math.ceil(TRAIN.size() / 60.0), bn.batchesTracked().value().get(0));
        Path file = dir.resolve("layers.safetensors");
        Model model = new Model(spec(net), net);
        ModelFile.save(file, model);
        String json = Safetensors.read(file).metadata().get(ModelFile.SPEC_KEY);
        for (String layer : List.of("{\"kind\":\"batch_norm\",\"eps\":1.0E-5,\"momentum\":0.1}", "{\"kind\":\"dropout\",\"p\":0.25}",
                "{\"kind\":\"linear\",\"out\":16,\"bias\":false}", "{\"kind\":\"layer_norm\",\"eps\":1.0E-5}")) {
            assertTrue(json.contains(layer), layer + " in " + json);
        }
        Model loaded = ModelFile.load(file);
        Map<String, Tensor> expected = net.state();
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(loaded.network().state().keySet()));
        loaded.network().state().forEach((name, t) -> assertArrayEquals(expected.get(name).floatData(), t.floatData(), name));
        Tensor x = TRAIN.features();
        assertArrayEquals(model.predict(x).floatData(), loaded.predict(x).floatData(), "eval: running statistics, no dropout");
    }

    @Test
    void aResumedRunWithDropoutAndBatchNormEndsBitForBitLikeAnUninterruptedOne() {
        Sequential straight = network();
        trainer(straight, new Adam(straight.parameters(), 0.01), 4).fit(TRAIN, null);

        Path file = dir.resolve("run.ckpt");
        Sequential first = network();
        trainer(first, new Adam(first.parameters(), 0.01), 2).addListener(new CheckpointListener(file)).fit(TRAIN, null);
        assertTrue(Safetensors.read(file).tensors().containsKey("model.layers.3.rng"));

        Sequential resumed = network();
        Adam optimizer = new Adam(resumed.parameters(), 0.01);
        assertEquals(2, Checkpoint.restore(file, resumed, optimizer));
        trainer(resumed, optimizer, 4).fit(TRAIN, null, 2);
        Map<String, Tensor> expected = straight.state();
        resumed.state().forEach((name, t) -> assertArrayEquals(expected.get(name).floatData(), t.floatData(), name));
    }

    @Test
    void aFileWhoseBatchNormHasAnotherWidthIsRefusedNamingTheTensorAndBothShapes() {
        Sequential net = network();
        ModelFile.save(dir.resolve("a.safetensors"), new Model(spec(net), net));
        Map<String, Tensor> state = net.state();
        state.put("layers.1.running_var", Tensor.ones(org.descent.tensor.DType.FLOAT32, 23));
        String message = assertThrows(DescentException.class, () -> network().loadState(state, "b.safetensors")).getMessage();
        assertEquals("b.safetensors: buffer 'layers.1.running_var' has shape [24] in the network but [23] in the file; "
                + "the file was saved from another architecture", message);
    }
}
