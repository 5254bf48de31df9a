package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.descent.DescentException;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Three steps on Loss(w) = ½ (w₁² + 4 w₂²) from w = (1, −2), with η = 0.1, followed by hand. */
class GradientDescentTest {
    private static final double TOLERANCE = 1e-12;

    private static void assertTrace(double[][] expected, double[][] actual) {
        for (int k = 0; k < expected.length; k++) {
            assertArrayEquals(expected[k], actual[k], TOLERANCE, "after step " + (k + 1));
        }
    }

    @Test
    void plainDescentMultipliesEachCoordinateByOneMinusEtaTimesCurvature() {
        Quadratic q = new Quadratic();
        // w ← w − 0.1 (w₁, 4w₂) = (0.9 w₁, 0.6 w₂)
        assertTrace(new double[][] {{0.9, -1.2}, {0.81, -0.72}, {0.729, -0.432}},
                q.run(new GradientDescent(q.parameters(), 0.1), 3));
    }

    @Test
    void momentumAccumulatesAVelocity() {
        Quadratic q = new Quadratic();
        // v ← 0.5 v + g; w ← w − 0.1 v. w₁: g=1, v=1, w=0.9; g=0.9, v=1.4, w=0.76; g=0.76, v=1.46, w=0.614
        // w₂: g=−8, v=−8, w=−1.2; g=−4.8, v=−8.8, w=−0.32; g=−1.28, v=−5.68, w=0.248
        assertTrace(new double[][] {{0.9, -1.2}, {0.76, -0.32}, {0.614, 0.248}},
                q.run(new GradientDescent(q.parameters(), GradientDescentConfig.of(0.1).withMomentum(0.5)), 3));
    }

    @Test
    void nesterovStepsWithTheGradientPlusTheDampedVelocity() {
        Quadratic q = new Quadratic();
        // v ← 0.5 v + g; w ← w − 0.1 (g + 0.5 v). w₁: g=1, v=1, w=0.85; g=0.85, v=1.35, w=0.6975;
        // g=0.6975, v=1.3725, w=0.559125. w₂: g=−8, v=−8, w=−0.8; g=−3.2, v=−7.2, w=−0.12; g=−0.48, v=−4.08, w=0.132
        assertTrace(new double[][] {{0.85, -0.8}, {0.6975, -0.12}, {0.559125, 0.132}},
                q.run(new GradientDescent(q.parameters(), GradientDescentConfig.of(0.1).withNesterov(0.5)), 3));
    }

    @Test
    void weightDecayAddsLambdaTimesTheWeightToTheGradient() {
        Quadratic q = new Quadratic();
        // g = (w₁ + 0.5 w₁, 4 w₂ + 0.5 w₂) → w ← (0.85 w₁, 0.55 w₂)
        assertTrace(new double[][] {{0.85, -1.1}, {0.7225, -0.605}, {0.614125, -0.33275}},
                q.run(new GradientDescent(q.parameters(), GradientDescentConfig.of(0.1).withWeightDecay(0.5)), 3));
    }

    @Test
    void theScheduleGivesTheStepSizeOfEachStep() {
        Quadratic q = new Quadratic();
        GradientDescent gd = new GradientDescent(q.parameters(), GradientDescentConfig.of(StepSize.inverseTime(0.2, 1.0)));
        assertEquals(0.2, gd.learningRate(), TOLERANCE);
        // η₀ = 0.2: w₁ = 0.8; η₁ = 0.1: w₁ = 0.72; η₂ = 0.2/3: w₁ = 0.72 (1 − 0.2/3) = 0.672
        double[][] trace = q.run(gd, 3);
        assertEquals(0.672, trace[2][0], TOLERANCE);
        assertEquals(3, gd.stepCount());
        assertEquals(0.05, gd.learningRate(), TOLERANCE);
    }

    @Test
    void updatesFloat32ParametersInPlaceWithoutRecordingAGraph() {
        Parameter p = new Parameter(Tensor.of(new float[] {1f, 2f}, 2));
        Tensor storage = p.value();
        GradientDescent gd = new GradientDescent(List.of(p), 0.25);
        p.value().square().sum().backward(); // gradient 2w = (2, 4)
        gd.step();
        assertSame(storage, p.value());
        assertArrayEquals(new float[] {0.5f, 1f}, p.value().floatData());
        assertNull(p.value().node());
    }

    @Test
    void skipsParametersWithoutGradient() {
        Parameter used = new Parameter(Tensor.of(new double[] {1.0}, 1));
        Parameter unused = new Parameter(Tensor.of(new double[] {3.0}, 1));
        GradientDescent gd = new GradientDescent(List.of(used, unused), GradientDescentConfig.of(0.5).withMomentum(0.9));
        used.value().sum().backward();
        gd.step();
        assertEquals(0.5, used.value().item(), TOLERANCE);
        assertEquals(3.0, unused.value().item(), TOLERANCE);
        gd.zeroGrad();
        assertNull(used.grad());
    }

    @Test
    void validatesItsHyperparametersWithPreciseMessages() {
        assertMessage("learning rate must be positive, got -0.1", () -> GradientDescentConfig.of(-0.1));
        assertMessage("learning rate must be finite, got Infinity",
                () -> GradientDescentConfig.of(Double.POSITIVE_INFINITY));
        assertMessage("learning rate must be positive, got NaN", () -> GradientDescentConfig.of(Double.NaN));
        assertMessage("momentum must be in [0, 1), got 1.0", () -> GradientDescentConfig.of(0.1).withMomentum(1.0));
        assertMessage("momentum must be in [0, 1), got -0.5", () -> GradientDescentConfig.of(0.1).withMomentum(-0.5));
        assertMessage("Nesterov momentum requires momentum > 0, got 0.0",
                () -> GradientDescentConfig.of(0.1).withNesterov(0.0));
        assertMessage("weight decay must be non-negative and finite, got -0.01",
                () -> GradientDescentConfig.of(0.1).withWeightDecay(-0.01));
        assertMessage("GradientDescent got an empty parameter list; pass model.parameters() of a model that has parameters",
                () -> new GradientDescent(List.of(), 0.1));
        Parameter p = new Parameter(Tensor.of(new double[] {1.0}, 1));
        assertMessage("parameter 1 is the same as parameter 0; each parameter must appear once in the list",
                () -> new GradientDescent(List.of(p, p), 0.1));
    }

    static void assertMessage(String expected, Runnable action) {
        assertEquals(expected, assertThrows(DescentException.class, action::run).getMessage());
    }
}
