package org.descent.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.descent.autograd.Backprop;
import org.descent.autograd.GradCheck;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The fused softmax + cross-entropy node against finite differences and the unfused formula. */
class SoftmaxCrossEntropyTest {
    private static final Tensor TARGET = Tensor.of(new double[] {0.2, 0.8, 0, 0, 0, 1, 0.5, 0.25, 0.25, 1, 0, 0}, 4, 3);

    private static Tensor logits(DType dtype) {
        return Tensor.uniform(new Random(9), -4, 4, dtype, 4, 3);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        double error = GradCheck.maxError(z -> SoftmaxCrossEntropy.apply(z[0], TARGET), logits(DType.FLOAT64));
        assertTrue(error < 1e-7, "max error " + error);
    }

    @Test
    void secondDerivativeMatchesFiniteDifferences() {
        double error = GradCheck.maxError(z -> {
            Tensor loss = SoftmaxCrossEntropy.apply(z[0], TARGET);
            Tensor g = Backprop.gradients(loss, Tensor.scalar(1, DType.FLOAT64), List.of(z[0]), true)[0];
            return g.square().sum();
        }, logits(DType.FLOAT64));
        assertTrue(error < 1e-6, "max error " + error);
    }

    @Test
    void valueAndGradientEqualTheUnfusedFormula() {
        for (DType dtype : DType.values()) {
            Tensor z = logits(dtype).requiresGrad(true);
            Tensor d = TARGET.copy(dtype);
            Tensor fused = SoftmaxCrossEntropy.apply(z, d);
            Tensor plain = SoftmaxCrossEntropy.unfused(z, d);
            double tolerance = dtype == DType.FLOAT32 ? 1e-6 : 1e-14;
            assertEquals(plain.item(), fused.item(), tolerance * Math.abs(plain.item()), dtype + " value");
            Tensor seed = Tensor.scalar(0.7, dtype);
            assertArrayEquals(Backprop.gradients(plain, seed, List.of(z), false)[0].toDoubleArray(),
                    Backprop.gradients(fused, seed, List.of(z), false)[0].toDoubleArray(), tolerance, dtype + " gradient");
        }
    }
}
