package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.data.Split;
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

class AveragingTrainerTest {
    private static final Dataset IRIS = standardized(EmbeddedData.iris());
    private static final NetworkSpec IRIS_NET = new NetworkSpec(4,
            List.of(LayerSpec.linear(8), LayerSpec.activation("tanh"), LayerSpec.linear(3)),
            "classification", "cross-entropy", 3, List.of(), null);
    private static final OptimizerFactory ADAM = p -> new Adam(p, 0.02);

    private static Dataset standardized(Dataset data) {
        return Normalize.standardize(data).apply(data);
    }

    private static AveragingTrainer trainer(Model model, TrainingConfig config, int localSteps) {
        return new AveragingTrainer(model, CrossEntropy::new, ADAM, Task.MULTICLASS, config, localSteps);
    }

    /**
     * With one partition the average is the partition's own state, bit for bit (n·w/n is exact), so
     * the run is the single-machine Trainer's on the rounds' rows, with Adam's state carried over.
     */
    @Test
    void onePartitionIsTheLocalTrainerRunBitForBit() {
        TrainingConfig config = new TrainingConfig(3, 16, 9);
        Model distributed = Model.create(IRIS_NET, new Random(4));
        trainer(distributed, config, 0).fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 1), null);

        Model local = Model.create(IRIS_NET, new Random(4));
        Optimizer adam = ADAM.apply(local.network().parameters());
        for (int epoch = 1; epoch <= 3; epoch++) {
            int[] rows = LocalRound.rows(IRIS.size(), 0, epoch, 0, 16, 0, 9);
            new Trainer(local.network(), new CrossEntropy(), adam, Task.REGRESSION,
                    new TrainingConfig(1, 16, LocalRound.roundSeed(9, epoch, 0, 0))).fit(IRIS.subset(rows), null);
        }
        local.network().state().forEach((name, t) -> assertArrayEquals(t.floatData(),
                distributed.network().state().get(name).floatData(), name));
    }

    /** A run stopped after epoch 2 and resumed from its checkpoint ends bit for bit like an uninterrupted one. */
    @Test
    void aResumedRunEndsBitForBitLikeAnUninterruptedOne(@TempDir Path directory) {
        TrainingConfig config = new TrainingConfig(3, 20, 5);
        Model whole = Model.create(IRIS_NET, new Random(8));
        trainer(whole, config, 2).fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 2), null);

        Path checkpoint = directory.resolve("run.ckpt");
        Model interrupted = Model.create(IRIS_NET, new Random(8));
        trainer(interrupted, config, 2).addListener(new CheckpointListener(checkpoint)).addListener(new TrainingListener() {
            @Override
            public void onEpochEnd(Trainer trainer, EpochResult epoch) {
                if (epoch.epoch() == 2) {
                    trainer.stop("the driver was lost");
                }
            }
        }).fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 2), null);
        Model resumed = Model.create(IRIS_NET, new Random(99));
        AveragingTrainer again = trainer(resumed, config, 2);
        int done = Checkpoint.restore(checkpoint, resumed.network(), again.optimizer());
        assertEquals(2, done);
        again.fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 2), null, done);
        whole.network().state().forEach((name, t) -> assertArrayEquals(t.floatData(),
                resumed.network().state().get(name).floatData(), name));
    }

    @Test
    void theSamePartitionsGiveBitwiseTheSameRun() {
        Model first = Model.create(IRIS_NET, new Random(6));
        Model second = Model.create(IRIS_NET, new Random(6));
        trainer(first, new TrainingConfig(2, 10, 3), 3).fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 3), null);
        trainer(second, new TrainingConfig(2, 10, 3), 3).fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 3), null);
        first.network().state().forEach((name, t) -> assertArrayEquals(t.floatData(),
                second.network().state().get(name).floatData(), name));
    }

    @Test
    void learnsTheDigitsValidatingEveryEpoch() {
        Dataset digits = EmbeddedData.digits();
        Split split = Split.of(digits, 0.8, 0.2, 42, true);
        Normalize normalize = Normalize.standardize(split.train());
        NetworkSpec spec = new NetworkSpec(64, List.of(LayerSpec.linear(32), LayerSpec.activation("relu"),
                LayerSpec.linear(10)), "classification", "cross-entropy", 10, List.of(), null);
        Model model = Model.create(spec, new Random(42));
        History history = new AveragingTrainer(model, CrossEntropy::new, p -> new Adam(p, 0.01), Task.MULTICLASS,
                new TrainingConfig(4, 64, 42), 0).fit(SparkTrainer.distribute(LocalSpark.context(),
                normalize.apply(split.train()), 2), normalize.apply(split.validation()));
        assertEquals(4, history.epochs().size());
        EpochResult last = history.last();
        assertTrue(last.validationAccuracy() > 0.9, history.toCsv());
        assertTrue(last.trainLoss() < history.epochs().get(0).trainLoss(), history.toCsv());
    }

    /** Each round is one step for the listeners, and a listener's stop request ends the run after the epoch. */
    @Test
    void theSingleMachineListenersSeeRoundsAndMayStopTheRun() {
        AtomicInteger steps = new AtomicInteger();
        Model model = Model.create(IRIS_NET, new Random(2));
        // 150 samples in 2 partitions of 75; 2 local steps of 10 = 20 rows per round: 4 rounds per epoch
        History history = trainer(model, new TrainingConfig(5, 10, 1), 2).addListener(new TrainingListener() {
            @Override
            public void onStep(Trainer trainer, StepResult step) {
                assertEquals(steps.incrementAndGet(), step.step());
                assertEquals(4, step.batchesPerEpoch());
                assertTrue(Double.isFinite(step.loss()));
            }

            @Override
            public void onEpochEnd(Trainer trainer, EpochResult epoch) {
                if (epoch.epoch() == 2) {
                    trainer.stop("enough");
                }
            }
        }).fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 2), IRIS);
        assertEquals(2, history.epochs().size());
        assertEquals("enough", history.stopReason());
        assertEquals(8, steps.get());
        assertTrue(history.last().validationAccuracy() > 0.6, history.toCsv());
    }
}
