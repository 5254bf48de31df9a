package org.descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.data.Split;
import org.descent.loss.CrossEntropy;
import org.descent.nn.BatchNorm1d;
import org.descent.nn.Dropout;
import org.descent.nn.Linear;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.optim.AdamW;
import org.descent.optim.Optimizer;
import org.descent.optim.StepSize;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The combined case: a run with dropout, batch norm, AdamW and a cosine schedule after a
 * linear warm-up, checkpointed after epoch 2 of 5 and resumed, ends bit for bit like the
 * uninterrupted run: every parameter and every buffer (running statistics, batch count, the
 * dropout's seed and call count), and the step size of every epoch.
 */
class LayerResumeTest {
    private static final Split DIGITS = Split.of(EmbeddedData.digits(), 0.7, 0.15, 3, true);
    private static final Normalize SCALE = Normalize.standardize(DIGITS.train());
    private static final Dataset TRAIN = SCALE.apply(DIGITS.train());
    private static final Dataset VALIDATION = SCALE.apply(DIGITS.validation());
    private static final int EPOCHS = 5;
    private static final int BATCH = 64;

    @TempDir
    Path dir;

    private static Sequential network() {
        Random random = new Random(5);
        return new Sequential(new Linear(64, 32, random), new BatchNorm1d(32), new Relu(), new Dropout(0.2, random),
                new Linear(32, 16, random), new BatchNorm1d(16), new Relu(), new Dropout(0.2, random),
                new Linear(16, 10, random));
    }

    private static Optimizer optimizer(Sequential model) {
        int perEpoch = (TRAIN.size() + BATCH - 1) / BATCH;
        StepSize schedule = StepSize.warmup(perEpoch, 0.1, StepSize.cosine(0.01, 0, (EPOCHS - 1) * perEpoch));
        return new AdamW(model.parameters(), AdamW.defaults(schedule).withWeightDecay(0.01));
    }

    private static Trainer trainer(Sequential model, Optimizer optimizer, int epochs) {
        return new Trainer(model, new CrossEntropy(), optimizer, Task.MULTICLASS, new TrainingConfig(epochs, BATCH, 7));
    }

    @Test
    void aResumedRunWithDropoutBatchNormAdamWAndWarmCosineEqualsAnUninterruptedOne() {
        Sequential straight = network();
        History full = trainer(straight, optimizer(straight), EPOCHS).fit(TRAIN, VALIDATION);

        Path file = dir.resolve("run.ckpt");
        Sequential first = network();
        trainer(first, optimizer(first), 2).addListener(new CheckpointListener(file)).fit(TRAIN, VALIDATION);

        Sequential resumed = network();
        Optimizer optimizer = optimizer(resumed);
        int done = Checkpoint.restore(file, resumed, optimizer);
        assertEquals(2, done);
        Dropout dropout = (Dropout) resumed.children().get("layers.3");
        assertEquals(((Dropout) first.children().get("layers.3")).calls(), dropout.calls());
        assertTrue(dropout.calls() > 0, "the dropout's call count came through the checkpoint");
        assertTrue(((BatchNorm1d) resumed.children().get("layers.1")).batchesTracked().value().get(0) > 0,
                "the running statistics came through the checkpoint");
        History rest = trainer(resumed, optimizer, EPOCHS).fit(TRAIN, VALIDATION, done);
        assertEquals(List.of(3, 4, 5), rest.epochs().stream().map(EpochResult::epoch).toList());

        Map<String, Tensor> expected = straight.state();
        Map<String, Tensor> actual = resumed.state();
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name).floatData(), actual.get(name).floatData(), name);
        }
        for (int e = 0; e < rest.epochs().size(); e++) {
            EpochResult uninterrupted = full.epochs().get(e + 2);
            assertEquals(uninterrupted.learningRate(), rest.epochs().get(e).learningRate(), 0.0);
            assertEquals(uninterrupted.trainLoss(), rest.epochs().get(e).trainLoss(), 0.0);
        }
    }
}
