package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.loss.CrossEntropy;
import org.descent.nn.LayerSpec;
import org.descent.optim.Adam;
import org.descent.optim.Optimizer;
import org.descent.train.Checkpoint;
import org.descent.train.CheckpointListener;
import org.descent.train.EpochResult;
import org.descent.train.History;
import org.descent.train.StepResult;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import org.descent.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sync mode's epochs run by the single-machine Trainer: validation, listeners, checkpoint and resume. */
class SparkTrainerLoopTest {
    private static final Dataset IRIS = Normalize.standardize(EmbeddedData.iris()).apply(EmbeddedData.iris());
    private static final NetworkSpec NET = new NetworkSpec(4,
            List.of(LayerSpec.linear(8), LayerSpec.activation("tanh"), LayerSpec.linear(3)),
            "classification", "cross-entropy", 3, List.of(), null);
    private static final TrainingConfig CONFIG = new TrainingConfig(3, 32, 5);

    private static SparkTrainer trainer(Model model, Optimizer adam) {
        return new SparkTrainer(model, CrossEntropy::new, adam, Task.MULTICLASS, CONFIG);
    }

    @Test
    void validatesEveryEpochAndTellsTheListenersEachStep() {
        Model model = Model.create(NET, new Random(2));
        AtomicInteger steps = new AtomicInteger();
        History history = trainer(model, new Adam(model.network().parameters(), 0.02)).addListener(new TrainingListener() {
            @Override
            public void onStep(Trainer t, StepResult step) {
                assertEquals(steps.incrementAndGet(), step.step());
            }
        }).fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 2), IRIS, 0);
        assertEquals(3 * 5, steps.get(), "150 samples in batches of 32: 5 steps an epoch");
        assertEquals(3, history.epochs().size());
        history.epochs().forEach(e -> assertTrue(e.validationAccuracy() > 0.3, history.toCsv()));
    }

    @Test
    void aResumedRunEndsBitForBitLikeAnUninterruptedOne(@TempDir Path directory) {
        Model whole = Model.create(NET, new Random(8));
        trainer(whole, new Adam(whole.network().parameters(), 0.02))
                .fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 2), null, 0);

        Path checkpoint = directory.resolve("sync.ckpt");
        Model interrupted = Model.create(NET, new Random(8));
        trainer(interrupted, new Adam(interrupted.network().parameters(), 0.02))
                .addListener(new CheckpointListener(checkpoint)).addListener(new TrainingListener() {
                    @Override
                    public void onEpochEnd(Trainer t, EpochResult epoch) {
                        if (epoch.epoch() == 1) {
                            t.stop("the driver was lost");
                        }
                    }
                }).fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 2), null, 0);
        Model resumed = Model.create(NET, new Random(99));
        Adam adam = new Adam(resumed.network().parameters(), 0.02);
        int done = Checkpoint.restore(checkpoint, resumed.network(), adam);
        assertEquals(1, done);
        trainer(resumed, adam).fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 2), null, done);
        assertEquals(Weights.sha256(whole.network()), Weights.sha256(resumed.network()));
    }
}
