package org.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.descent.data.EmbeddedData;
import org.descent.data.Split;
import org.descent.loss.CrossEntropy;
import org.descent.nn.Linear;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.optim.Adam;
import org.descent.optim.GradientNorm;
import org.junit.jupiter.api.Test;

class StepResultTest {

    @Test
    void gradientNormAskedDuringTheStepIsTheNormOfThatStepsGradients() {
        Split digits = Split.of(EmbeddedData.digits(), 0.7, 0.15, 1, true);
        Random random = new Random(1);
        Sequential model = new Sequential(new Linear(64, 16, random), new Relu(), new Linear(16, 10, random));
        List<double[]> seen = new ArrayList<>();
        Trainer trainer = new Trainer(model, new CrossEntropy(), new Adam(model.parameters(), 0.01),
                Task.MULTICLASS, new TrainingConfig(2, 100, 1))
                .addListener(new TrainingListener() {
                    @Override
                    public void onStep(Trainer t, StepResult step) {
                        double expected = GradientNorm.of(model.parameters());
                        seen.add(new double[] {step.gradientNorm(), expected, step.gradientNorm()});
                    }
                });
        History history = trainer.fit(digits.train(), null);
        int steps = (digits.train().size() + 99) / 100;
        assertEquals(2 * steps, seen.size());
        for (double[] s : seen) {
            assertEquals(s[1], s[0], 0.0);
            assertEquals(s[0], s[2], 0.0);
        }
        // Each epoch reports the norm of its last step.
        assertEquals(seen.get(steps - 1)[0], history.epochs().get(0).gradientNorm(), 0.0);
        assertEquals(seen.get(2 * steps - 1)[0], history.last().gradientNorm(), 0.0);
    }

    @Test
    void withoutListenersTheEpochStillReportsItsLastStepsNorm() {
        Split digits = Split.of(EmbeddedData.digits(), 0.7, 0.15, 1, true);
        double[] norms = new double[2];
        for (int run = 0; run < 2; run++) {
            Random random = new Random(2);
            Sequential model = new Sequential(new Linear(64, 16, random), new Relu(), new Linear(16, 10, random));
            Trainer trainer = new Trainer(model, new CrossEntropy(), new Adam(model.parameters(), 0.01),
                    Task.MULTICLASS, new TrainingConfig(1, 100, 1));
            if (run == 1) {
                trainer.addListener(new TrainingListener() {
                    @Override
                    public void onStep(Trainer t, StepResult step) {
                        step.gradientNorm();
                    }
                });
            }
            norms[run] = trainer.fit(digits.train(), null).last().gradientNorm();
        }
        assertEquals(norms[1], norms[0], 0.0);
        assertFalse(Double.isNaN(norms[0]));
    }
}
