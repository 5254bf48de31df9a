package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GradientNormTest {

    @Test
    void globalNormTreatsAllGradientsAsOneVectorAndSkipsMissingOnes() {
        Parameter a = new Parameter(Tensor.of(new double[] {1.5, -2.0}, 2));
        Parameter b = new Parameter(Tensor.of(new float[] {6f}, 1));
        Parameter unused = new Parameter(Tensor.of(new double[] {100.0}, 1));
        // Loss = a₁² + a₂² + b²/2 → gradients (3, −4) and (6): norm √(9 + 16 + 36) = √61
        a.value().square().sum().add(b.value().square().mul(0.5).sum().to(a.value().dtype())).backward();
        assertEquals(Math.sqrt(61), GradientNorm.of(List.of(a, b, unused)), 1e-12);
        assertEquals(5.0, GradientNorm.of(a.grad()), 1e-12);
        assertEquals(0.0, GradientNorm.of(List.of(unused)), 0.0);
    }
}
