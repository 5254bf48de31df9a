package org.descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.data.Split;
import org.descent.loss.CrossEntropy;
import org.descent.nn.BatchNorm1d;
import org.descent.nn.Dropout;
import org.descent.nn.Gelu;
import org.descent.nn.Linear;
import org.descent.nn.Parameter;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.optim.AdaGrad;
import org.descent.optim.AdaGradConfig;
import org.descent.optim.AdamW;
import org.descent.optim.GradientClipping;
import org.descent.optim.GradientNorm;
import org.descent.optim.Optimizer;
import org.descent.optim.ReduceOnPlateau;
import org.descent.optim.RmsProp;
import org.descent.optim.RmsPropConfig;
import org.descent.optim.StepSize;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The toolbox in the training loop: a run with AdamW / RMSprop / AdaGrad, warm-up + cosine,
 * reduce-on-plateau and clipping, checkpointed after epoch 2 and resumed, ends bit for bit like
 * the uninterrupted run; clipping bounds what the optimizer sees and the history records the
 * norm before clipping; and the same with dropout and batch norm in the network.
 */
class ToolboxTrainingTest {
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
        return new Sequential(new Linear(64, 16, random), new Gelu(), new Linear(16, 10, random));
    }

    /** The schedule: 1 epoch of warm-up, cosine over the rest, reduced on plateaus (patience 0 and a 90 % threshold, so it acts from epoch 2). */
    private static ReduceOnPlateau schedule(double learningRate) {
        int perEpoch = (TRAIN.size() + BATCH - 1) / BATCH;
        StepSize cosine = StepSize.cosine(learningRate, learningRate / 100, (EPOCHS - 1) * perEpoch);
        return new ReduceOnPlateau(StepSize.warmup(perEpoch, 0.1, cosine), 0.5, 0, 0, 0, 0.9);
    }

    private static Function<Sequential, Optimizer> optimizer(String kind) {
        return switch (kind) {
            case "adamw" -> m -> new AdamW(m.parameters(), AdamW.defaults(schedule(0.01)).withWeightDecay(0.05));
            case "rmsprop" -> m -> new RmsProp(m.parameters(),
                    RmsPropConfig.of(schedule(0.005)).withMomentum(0.5).withCentered());
            default -> m -> new AdaGrad(m.parameters(), AdaGradConfig.of(schedule(0.1)));
        };
    }

    private static Trainer trainer(Sequential model, Optimizer optimizer, int epochs, Path checkpoint) {
        Trainer trainer = new Trainer(model, new CrossEntropy(), optimizer, Task.MULTICLASS,
                new TrainingConfig(epochs, BATCH, 7)).clipGradients(GradientClipping.byNorm(0.5));
        trainer.addListener(new PlateauListener((ReduceOnPlateau) optimizer.stepSize()));
        if (checkpoint != null) {
            trainer.addListener(new CheckpointListener(checkpoint));
        }
        return trainer;
    }

    @ParameterizedTest
    @ValueSource(strings = {"adamw", "rmsprop", "adagrad"})
    void aResumedRunEqualsAnUninterruptedOne(String kind) {
        Sequential straight = network();
        Optimizer straightOptimizer = optimizer(kind).apply(straight);
        History full = trainer(straight, straightOptimizer, EPOCHS, null).fit(TRAIN, VALIDATION);

        Path file = dir.resolve("run.ckpt");
        Sequential first = network();
        trainer(first, optimizer(kind).apply(first), 2, file).fit(TRAIN, VALIDATION);

        Sequential resumed = network();
        Optimizer optimizer = optimizer(kind).apply(resumed);
        int done = Checkpoint.restore(file, resumed, optimizer);
        assertEquals(2, done);
        double scale = optimizer.stepSize().state().get("plateau").get(0);
        assertTrue(scale < 1, "the plateau reduced the step size by epoch 2 (scale " + scale
                + "), so its state had to come through the checkpoint");
        History rest = trainer(resumed, optimizer, EPOCHS, null).fit(TRAIN, VALIDATION, done);

        List<Parameter> expected = straight.parameters();
        List<Parameter> actual = resumed.parameters();
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).value().floatData(), actual.get(i).value().floatData(), kind + " parameter " + i);
        }
        for (int e = 0; e < rest.epochs().size(); e++) {
            assertEquals(full.epochs().get(e + 2).learningRate(), rest.epochs().get(e).learningRate(), 0.0);
        }
    }

    @Test
    void theHistoryHoldsTheNormBeforeClippingAndTheOptimizerSeesTheClippedGradient() {
        Sequential model = network();
        List<Double> seen = new ArrayList<>();
        Optimizer optimizer = new AdamW(model.parameters(), AdamW.defaults(StepSize.constant(0.01)));
        Trainer trainer = new Trainer(model, new CrossEntropy(), optimizer, Task.MULTICLASS,
                new TrainingConfig(1, BATCH, 7)).clipGradients(GradientClipping.byNorm(1e-3));
        List<Double> reported = new ArrayList<>();
        trainer.addListener(new TrainingListener() {
            @Override
            public void onStep(Trainer t, StepResult step) {
                reported.add(step.gradientNorm());
                seen.add(GradientNorm.of(t.model().parameters()));
            }
        });
        History history = trainer.fit(TRAIN, null);
        for (int i = 0; i < seen.size(); i++) {
            assertTrue(reported.get(i) > 1e-2, "norm before clipping " + reported.get(i));
            assertEquals(1e-3, seen.get(i), 1e-6, "norm after clipping");
        }
        assertEquals(reported.get(reported.size() - 1), history.last().gradientNorm(), 0.0);
    }

    /**
     * The combined case: dropout, batch norm, AdamW and a cosine schedule after a linear
     * warm-up, checkpointed after epoch 2 of 5 and resumed, end bit for bit like the uninterrupted
     * run: every parameter and buffer (running statistics, batch count, the dropout's seed and call
     * count), and each epoch's step size and training loss.
     */
    private static Sequential layerNetwork() {
        Random random = new Random(5);
        return new Sequential(new Linear(64, 32, random), new BatchNorm1d(32), new Relu(), new Dropout(0.2, random),
                new Linear(32, 16, random), new BatchNorm1d(16), new Relu(), new Dropout(0.2, random),
                new Linear(16, 10, random));
    }

    private static Optimizer adamWithWarmCosine(Sequential model) {
        int perEpoch = (TRAIN.size() + BATCH - 1) / BATCH;
        StepSize schedule = StepSize.warmup(perEpoch, 0.1, StepSize.cosine(0.01, 0, (EPOCHS - 1) * perEpoch));
        return new AdamW(model.parameters(), AdamW.defaults(schedule).withWeightDecay(0.01));
    }

    private static Trainer plainTrainer(Sequential model, Optimizer optimizer, int epochs) {
        return new Trainer(model, new CrossEntropy(), optimizer, Task.MULTICLASS, new TrainingConfig(epochs, BATCH, 7));
    }

    @Test
    void aResumedRunWithDropoutBatchNormAdamWAndWarmCosineEqualsAnUninterruptedOne() {
        Sequential straight = layerNetwork();
        History full = plainTrainer(straight, adamWithWarmCosine(straight), EPOCHS).fit(TRAIN, VALIDATION);

        Path file = dir.resolve("run.ckpt");
        Sequential first = layerNetwork();
        plainTrainer(first, adamWithWarmCosine(first), 2).addListener(new CheckpointListener(file)).fit(TRAIN, VALIDATION);

        Sequential resumed = layerNetwork();
        Optimizer optimizer = adamWithWarmCosine(resumed);
        int done = Checkpoint.restore(file, resumed, optimizer);
        assertEquals(2, done);
        Dropout dropout = (Dropout) resumed.children().get("layers.3");
        assertEquals(((Dropout) first.children().get("layers.3")).calls(), dropout.calls());
        assertTrue(dropout.calls() > 0, "the dropout's call count came through the checkpoint");
        assertTrue(((BatchNorm1d) resumed.children().get("layers.1")).batchesTracked().value().get(0) > 0,
                "the running statistics came through the checkpoint");
        History rest = plainTrainer(resumed, optimizer, EPOCHS).fit(TRAIN, VALIDATION, done);
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
