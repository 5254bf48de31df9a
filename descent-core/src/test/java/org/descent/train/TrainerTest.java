package org.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Split;
import org.descent.loss.CrossEntropy;
import org.descent.loss.L2Loss;
import org.descent.nn.Linear;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.nn.Tanh;
import org.descent.optim.Adam;
import org.descent.optim.DivergenceException;
import org.descent.optim.GradientDescent;
import org.descent.optim.StopRule;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final Split DIGITS = Split.of(EmbeddedData.digits(), 0.7, 0.15, 1, true);

    private static Sequential mlp(long seed) {
        Random random = new Random(seed);
        return new Sequential(new Linear(64, 32, random), new Relu(), new Linear(32, 10, random));
    }

    @Test
    void learnsTheDigitsWithMiniBatches() {
        Sequential model = mlp(1);
        Trainer trainer = new Trainer(model, new CrossEntropy(), new Adam(model.parameters(), 0.01),
                Task.MULTICLASS, new TrainingConfig(10, 32, 1));
        History history = trainer.fit(DIGITS.train(), DIGITS.validation());
        assertEquals(10, history.epochs().size());
        assertTrue(history.last().trainLoss() < history.epochs().get(0).trainLoss());
        double accuracy = trainer.evaluate(DIGITS.test()).accuracy();
        assertTrue(accuracy > 0.93, "test accuracy " + accuracy);
        assertTrue(history.toCsv().lines().count() == 11, history.toCsv());
    }

    @Test
    void sameSeedGivesTheSameRun() {
        double[] losses = new double[2];
        for (int run = 0; run < 2; run++) {
            Sequential model = mlp(3);
            History h = new Trainer(model, new CrossEntropy(), new GradientDescent(model.parameters(), 0.1),
                    Task.MULTICLASS, new TrainingConfig(2, 16, 5)).fit(DIGITS.train(), null);
            losses[run] = h.last().trainLoss();
        }
        assertEquals(losses[0], losses[1], 0.0);
    }

    @Test
    void aDivergingRunStopsNamingTheStepAndSuggestingASmallerRate() {
        Sequential model = mlp(2);
        Trainer trainer = new Trainer(model, new L2Loss(), new GradientDescent(model.parameters(), 1e6),
                Task.MULTICLASS, new TrainingConfig(5, 64, 1)).addListener(new DivergenceCheck());
        DivergenceException e = assertThrows(DivergenceException.class, () -> trainer.fit(DIGITS.train(), null));
        assertTrue(e.getMessage().matches("loss (became (NaN|Infinity)|grew to .*) at step \\d+ \\(epoch \\d\\).*; "
                + "(the run diverged: )?try a smaller learning rate.*"),
                e.getMessage());
    }

    @Test
    void fullBatchGradientDescentStopsByTheLecturesRule() {
        Random random = new Random(4);
        double[] x = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = -1 + 2.0 * i / (x.length - 1);
        }
        Tensor inputs = Tensor.of(toFloat(x), 40, 1);
        Tensor targets = inputs.mul(inputs);
        Dataset data = Dataset.regression(inputs, targets);
        Sequential model = new Sequential(new Linear(1, 8, random), new Tanh(), new Linear(8, 1, random));
        History history = new Trainer(model, new L2Loss(), new GradientDescent(model.parameters(), 0.2),
                Task.REGRESSION, new TrainingConfig(100_000, 0, 1))
                .addListener(new StopRuleListener(StopRule.lossChange(1e-7))).fit(data, null);
        assertTrue(history.epochs().size() < 100_000, "must stop by |ΔLoss| < ε₁");
        assertTrue(history.stopReason().contains("1.0E-7"), history.stopReason());
    }

    @Test
    void earlyStoppingRestoresTheBestWeights() {
        Sequential model = mlp(5);
        Trainer trainer = new Trainer(model, new CrossEntropy(), new Adam(model.parameters(), 0.05),
                Task.MULTICLASS, new TrainingConfig(60, 16, 1)).addListener(new EarlyStopping(2));
        History history = trainer.fit(DIGITS.train(), DIGITS.validation());
        double best = history.epochs().stream().mapToDouble(EpochResult::validationLoss).min().orElseThrow();
        assertTrue(history.stopReason().startsWith("early stopping"), history.stopReason());
        assertEquals(best, trainer.evaluate(DIGITS.validation()).loss(), 1e-6);
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
