package org.descent.optim;

import static org.descent.optim.GradientDescentTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StepSizeTest {
    private static final double TOLERANCE = 1e-15;

    @Test
    void constantIsTheSameAtEveryStep() {
        StepSize s = StepSize.constant(0.3);
        assertEquals(0.3, s.at(0), TOLERANCE);
        assertEquals(0.3, s.at(1_000_000), TOLERANCE);
    }

    @Test
    void stepDecayMultipliesByGammaEveryFewSteps() {
        StepSize s = StepSize.stepDecay(1.0, 0.5, 3);
        double[] expected = {1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25};
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], s.at(k), TOLERANCE, "k = " + k);
        }
        assertEquals(Math.pow(0.5, 33), s.at(100), TOLERANCE);
    }

    @Test
    void inverseTimeDecaysLikeOneOverK() {
        StepSize s = StepSize.inverseTime(0.6, 0.5);
        assertEquals(0.6, s.at(0), TOLERANCE);
        assertEquals(0.4, s.at(1), TOLERANCE);
        assertEquals(0.3, s.at(2), TOLERANCE);
        assertEquals(0.6 / 51, s.at(100), TOLERANCE);
    }

    @Test
    void exponentialMultipliesByGammaEveryStep() {
        StepSize s = StepSize.exponential(2.0, 0.9);
        assertEquals(2.0, s.at(0), TOLERANCE);
        assertEquals(1.8, s.at(1), TOLERANCE);
        assertEquals(1.62, s.at(2), TOLERANCE);
        assertEquals(2.0 * 0.4304672100000001, s.at(8), 1e-12);
    }

    @Test
    void aScheduleIsValidatedWhenMade() {
        assertMessage("learning rate must be positive, got -0.1", () -> StepSize.constant(-0.1));
        assertMessage("learning rate must be positive, got 0.0", () -> StepSize.exponential(0.0, 0.9));
        assertMessage("decay factor gamma must be in (0, 1], got 1.5", () -> StepSize.stepDecay(0.1, 1.5, 10));
        assertMessage("decay factor gamma must be in (0, 1], got 0.0", () -> StepSize.exponential(0.1, 0.0));
        assertMessage("step decay interval must be at least 1 step, got 0", () -> StepSize.stepDecay(0.1, 0.5, 0));
        assertMessage("decay must be non-negative and finite, got -1.0", () -> StepSize.inverseTime(0.1, -1.0));
        assertMessage("step must be non-negative, got -1", () -> StepSize.constant(0.1).at(-1));
    }
}
