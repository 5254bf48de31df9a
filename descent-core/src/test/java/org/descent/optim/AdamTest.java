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
    void validatesItsHyperparametersWithPreciseMessages() {
        assertMessage("learning rate must be positive, got 0.0", () -> AdamConfig.of(0.0));
        assertMessage("beta1 must be in [0, 1), got 1.0", () -> AdamConfig.of(0.1).withBetas(1.0, 0.999));
        assertMessage("beta2 must be in [0, 1), got -0.1", () -> AdamConfig.of(0.1).withBetas(0.9, -0.1));
        assertMessage("epsilon must be positive, got 0.0", () -> AdamConfig.of(0.1).withEpsilon(0.0));
        assertMessage("weight decay must be non-negative and finite, got NaN",
                () -> AdamConfig.of(0.1).withWeightDecay(Double.NaN));
    }
}
