package org.descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.descent.DescentException;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.data.Split;
import org.descent.loss.CrossEntropy;
import org.descent.nn.Linear;
import org.descent.nn.Parameter;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.optim.Adam;
import org.descent.optim.GradientDescent;
import org.descent.optim.GradientDescentConfig;
import org.descent.optim.Optimizer;
import org.descent.optim.StepSize;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A run stopped after epoch 2 and resumed from its checkpoint ends with the same weights, bit for bit. */
class CheckpointTest {
    private static final Split DIGITS = Split.of(EmbeddedData.digits(), 0.7, 0.15, 3, true);
    private static final Normalize SCALE = Normalize.standardize(DIGITS.train());
    private static final TrainingConfig CONFIG = new TrainingConfig(4, 64, 7);

    @TempDir
    Path dir;

    private static Sequential network() {
        Random random = new Random(5);
        return new Sequential(new Linear(64, 16, random), new Relu(), new Linear(16, 10, random));
    }

    private static Function<Sequential, Optimizer> optimizer(String kind) {
        return switch (kind) {
            case "adam" -> m -> new Adam(m.parameters(), 0.01);
            default -> m -> new GradientDescent(m.parameters(),
                    GradientDescentConfig.of(StepSize.exponential(0.1, 0.99)).withNesterov(0.9));
        };
    }

    private static Trainer trainer(Sequential model, Optimizer optimizer) {
        return new Trainer(model, new CrossEntropy(), optimizer, Task.MULTICLASS, CONFIG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "nesterov"})
    void aResumedRunEqualsAnUninterruptedOne(String kind) {
        Sequential straight = network();
        trainer(straight, optimizer(kind).apply(straight)).fit(SCALE.apply(DIGITS.train()), null);

        Path file = dir.resolve("run.ckpt");
        Sequential first = network();
        new Trainer(first, new CrossEntropy(), optimizer(kind).apply(first), Task.MULTICLASS, new TrainingConfig(2, 64, 7))
                .addListener(new CheckpointListener(file)).fit(SCALE.apply(DIGITS.train()), null);

        Sequential resumed = network();
        Optimizer optimizer = optimizer(kind).apply(resumed);
        int done = Checkpoint.restore(file, resumed, optimizer);
        assertEquals(2, done);
        History rest = trainer(resumed, optimizer).fit(SCALE.apply(DIGITS.train()), null, done);
        assertEquals(List.of(3, 4), rest.epochs().stream().map(EpochResult::epoch).toList());

        List<Parameter> expected = straight.parameters();
        List<Parameter> actual = resumed.parameters();
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).value().floatData(), actual.get(i).value().floatData(), "parameter " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"other network", "other optimizer"})
    void aCheckpointOfAnotherRunIsRefused(String mismatch) {
        Path file = dir.resolve("run.ckpt");
        Sequential model = network();
        Checkpoint.save(file, model, new Adam(model.parameters(), 0.01), 1);
        Sequential target = mismatch.equals("other network")
                ? new Sequential(new Linear(64, 8, new Random(1)), new Relu(), new Linear(8, 10, new Random(1)))
                : network();
        Optimizer optimizer = mismatch.equals("other network") ? new Adam(target.parameters(), 0.01)
                : new GradientDescent(target.parameters(), 0.1);
        DescentException e = assertThrows(DescentException.class, () -> Checkpoint.restore(file, target, optimizer));
        assertTrue(e.getMessage().contains(mismatch.equals("other network")
                ? "run.ckpt was written for another network: its layers.0.weight has shape [16, 64] but this"
                        + " network's has shape [8, 64]; resume with the same network"
                : "holds the state of Adam but this run uses GradientDescent"), e.getMessage());
    }
}
