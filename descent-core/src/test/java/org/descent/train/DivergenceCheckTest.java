package org.descent.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.descent.data.EmbeddedData;
import org.descent.data.Split;
import org.descent.loss.CrossEntropy;
import org.descent.nn.Linear;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.optim.Adam;
import org.descent.optim.DivergenceException;
import org.junit.jupiter.api.Test;

/** Issue 12, reproducer 20 and deliverable 6: divergence is caught whatever the optimizer. */
class DivergenceCheckTest {
    private static StepResult step(long step, double loss) {
        return new StepResult(step, 1, (int) step, 100, loss, 0.5, List.of());
    }

    @Test
    void adamAtAHugeLearningRateStopsWithTheStepAndAHint() {
        Split digits = Split.of(EmbeddedData.digits(), 0.7, 0.15, 1, true);
        Random random = new Random(1);
        Sequential model = new Sequential(new Linear(64, 32, random), new Relu(), new Linear(32, 10, random));
        Trainer trainer = new Trainer(model, new CrossEntropy(), new Adam(model.parameters(), 1e6),
                Task.MULTICLASS, new TrainingConfig(5, 64, 1)).addListener(new DivergenceCheck());
        DivergenceException e = assertThrows(DivergenceException.class, () -> trainer.fit(digits.train(), null));
        assertTrue(e.getMessage().matches("loss (grew to .* times its best .*|became (NaN|Infinity) at step \\d+.*)"
                + "; .*try a smaller learning rate \\(currently 1000000.0\\)"), e.getMessage());
        assertTrue(e.step() < 100, e.getMessage());
    }

    @Test
    void growthOverTheBestAndTheFirstLossStops() {
        DivergenceCheck check = new DivergenceCheck();
        check.onStep(null, step(1, 2.3));
        check.onStep(null, step(2, 0.5));
        check.onStep(null, step(3, 20));
        DivergenceException e = assertThrows(DivergenceException.class, () -> check.onStep(null, step(4, 1e5)));
        assertTrue(e.getMessage().startsWith("loss grew to 1.000e+05 at step 4 (epoch 1), more than 1e+04 times its best"
                + " 0.5000 (step 2); the run diverged: try a smaller learning rate (currently 0.5)"), e.getMessage());
    }

    @Test
    void aConvergedRunDoesNotStopOnAnOrdinaryBatch() {
        DivergenceCheck check = new DivergenceCheck();
        check.onStep(null, step(1, 2.3));
        check.onStep(null, step(2, 1e-7));
        assertDoesNotThrow(() -> check.onStep(null, step(3, 0.05)));
        assertDoesNotThrow(() -> check.onStep(null, step(4, 3.0)));
        assertThrows(DivergenceException.class, () -> check.onStep(null, step(5, Double.NaN)));
    }
}
