package org.descent.optim;

import static org.descent.optim.GradientDescentTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void threeStepsOnTheQuadraticFollowTheBiasCorrectedFormula() {
        Quadratic q = new Quadratic();
        double[][] trace = q.run(new Adam(q.parameters(), 0.1), 3);
        // Step 1: m̂ = g and v̂ = g², so w ← w − η g / (|g| + ε): w₁ = 1 − 0.1/(1 + 1e-8), w₂ = −2 + 0.1·8/(8 + 1e-8).
        assertArrayEquals(new double[] {1 - 0.1 / (1 + 1e-8), -2 + 0.8 / (8 + 1e-8)}, trace[0], 1e-15);
        // Steps 2 and 3 from m ← 0.9 m + 0.1 g, v ← 0.999 v + 0.001 g², w ← w − η m̂ / (√v̂ + ε), worked out separately.
        assertArrayEquals(new double[] {0.8004122297123382, -1.8001664858630053}, trace[1], 1e-13);
        assertArrayEquals(new double[] {0.701586274504415, -1.7006233916636408}, trace[2], 1e-13);
    }

    @Test
    void eachParameterCountsItsOwnStepsForTheBiasCorrection() {
        Parameter first = new Parameter(Tensor.of(new double[] {1.0}, 1));
        Parameter late = new Parameter(Tensor.of(new double[] {1.0}, 1));
        Adam adam = new Adam(List.of(first, late), 0.1);
        first.value().sum().backward();
        adam.step();
        adam.zeroGrad();
        first.value().add(late.value()).sum().backward();
        adam.step();
        // late's first update: m̂ = g, v̂ = g² with t = 1, so it moves by η g / (|g| + ε), as on a first step
        assertEquals(1 - 0.1 / (1 + 1e-8), late.value().item(), 1e-15);
        assertEquals(2, adam.stepCount());
    }

    @Test
    void float32ParametersAreUpdatedInFloat32() {
        Parameter p = new Parameter(Tensor.of(new float[] {1f, -2f, 0.5f}, 3));
        Adam adam = new Adam(List.of(p), 0.1);
        p.value().mul(Tensor.of(new float[] {2f, 4f, -1f}, 3)).sum().backward();   // gradients 2, 4, −1
        adam.step();
        // First step, every operand a float: m = 0.1f·g, v = 0.001f·g², w ← w − s·m / (√v / c + ε)
        // with s = (float) (0.1 / (1 − 0.9)), c = (float) √(1 − 0.999).
        float s = (float) (0.1 / (1 - 0.9));
        float c = (float) Math.sqrt(1 - 0.999);
        float[] g = {2f, 4f, -1f};
        float[] w = {1f, -2f, 0.5f};
        float[] expected = new float[3];
        for (int j = 0; j < 3; j++) {
            float m = 0.9f * 0f + (float) (1 - 0.9) * g[j];
            float v = 0.999f * 0f + (float) (1 - 0.999) * g[j] * g[j];
            expected[j] = w[j] - s * m / ((float) Math.sqrt(v) / c + 1e-8f);
        }
        assertArrayEquals(expected, p.value().floatData(), 0f);
        assertArrayEquals(new float[] {0.9f, -2.1f, 0.6f}, p.value().floatData(), 1e-6f);   // w − η·sign(g)
    }

    @Test
    void float32AndFloat64AdamAgreeToFloatPrecisionWithWeightDecay() {
        double[] start = {0.3, -1.2, 2.5, 0.01, -0.7};
        double[] slope = {1.5, -0.2, 3.0, -4.0, 1e-3};
        float[] single = new float[start.length];
        for (int j = 0; j < start.length; j++) {
            single[j] = (float) start[j];
        }
        Parameter p64 = new Parameter(Tensor.of(start.clone(), start.length));
        Parameter p32 = new Parameter(Tensor.of(single, start.length));
        AdamConfig config = AdamConfig.of(0.05).withWeightDecay(0.01);
        Adam a64 = new Adam(List.of(p64), config);
        Adam a32 = new Adam(List.of(p32), config);
        for (int step = 0; step < 20; step++) {
            for (Adam adam : List.of(a64, a32)) {
                adam.zeroGrad();
            }
            // Loss = Σ slope_j·w_j² / 2, gradient slope_j·w_j
            p64.value().square().mul(Tensor.of(slope, slope.length)).sum().mul(0.5).backward();
            p32.value().square().mul(Tensor.of(slope, slope.length).to(p32.value().dtype())).sum().mul(0.5).backward();
            a64.step();
            a32.step();
        }
        for (int j = 0; j < start.length; j++) {
            assertEquals(p64.value().get(j), p32.value().get(j), 1e-5, "element " + j);
        }
    }

    @Test
    void validatesItsHyperparametersWithPreciseMessages() {
        assertMessage("learning rate must be positive, got 0.0", () -> AdamConfig.of(0.0));
        assertMessage("beta1 must be in [0, 1), got 1.0", () -> AdamConfig.of(0.1).withBetas(1.0, 0.999));
        assertMessage("beta2 must be in [0, 1), got -0.1", () -> AdamConfig.of(0.1).withBetas(0.9, -0.1));
        assertMessage("epsilon must be positive, got 0.0", () -> AdamConfig.of(0.1).withEpsilon(0.0));
        assertMessage("weight decay must be non-negative and finite, got NaN",
                () -> AdamConfig.of(0.1).withWeightDecay(Double.NaN));
    }
}
