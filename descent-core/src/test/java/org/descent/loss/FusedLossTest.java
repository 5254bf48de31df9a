package org.descent.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.descent.autograd.Backprop;
import org.descent.autograd.GradCheck;
import org.descent.autograd.NoGrad;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused L2 ({@link SquaredError}) and sigmoid cross-entropy ({@link SigmoidCrossEntropy})
 * nodes against their unfused tensor formulas and finite differences, to first and second order.
 */
class FusedLossTest {

    /** A fused node, its unfused formula and a target (float64, (5, 3)). */
    record Case(String name, BinaryOperator<Tensor> fused, BinaryOperator<Tensor> unfused, Tensor target) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        Tensor regression = Tensor.uniform(new Random(3), -2, 2, DType.FLOAT64, 5, 3);
        Tensor soft = Tensor.of(new double[] {1, 0, 0.3, 0, 1, 1, 0.5, 0, 1, 0.9, 0.1, 0, 1, 1, 0}, 5, 3);
        return Stream.of(
                Arguments.of(new Case("l2", SquaredError::apply, SquaredError::unfused, regression)),
                Arguments.of(new Case("sigmoid_cross_entropy", SigmoidCrossEntropy::apply, SigmoidCrossEntropy::unfused,
                        soft)));
    }

    private static Tensor prediction(DType dtype) {
        return Tensor.uniform(new Random(11), -4, 4, DType.FLOAT64, 5, 3).copy(dtype);
    }

    private static Tensor gradient(Tensor loss, Tensor prediction, double seed, boolean createGraph) {
        return Backprop.gradients(loss, Tensor.scalar(seed, loss.dtype()), List.of(prediction), createGraph)[0];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valueAndGradientEqualTheUnfusedFormula(Case c) {
        Tensor y = prediction(DType.FLOAT64).requiresGrad(true);
        Tensor fused = c.fused().apply(y, c.target());
        Tensor plain = c.unfused().apply(y, c.target());
        assertEquals(plain.item(), fused.item(), 1e-12 * Math.abs(plain.item()), "value");
        assertArrayEquals(gradient(plain, y, 0.7, false).toDoubleArray(), gradient(fused, y, 0.7, false).toDoubleArray(),
                1e-12, "gradient");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(Case c) {
        double error = GradCheck.maxError(y -> c.fused().apply(y[0], c.target()), prediction(DType.FLOAT64));
        assertTrue(error < 1e-7, "max error " + error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void secondDerivativeEqualsTheUnfusedOne(Case c) {
        // Hessian-vector products H·v: the gradient recorded with createGraph, differentiated again.
        Tensor v = Tensor.uniform(new Random(4), -1, 1, DType.FLOAT64, 5, 3);
        Tensor y = prediction(DType.FLOAT64).requiresGrad(true);
        Tensor fusedGradient = gradient(c.fused().apply(y, c.target()), y, 0.7, true);
        Tensor plainGradient = gradient(c.unfused().apply(y, c.target()), y, 0.7, true);
        assertArrayEquals(plainGradient.toDoubleArray(), fusedGradient.toDoubleArray(), 1e-12, "gradient");
        Tensor fusedHv = gradient(fusedGradient.mul(v).sum(), y, 1, false);
        Tensor plainHv = gradient(plainGradient.mul(v).sum(), y, 1, false);
        assertArrayEquals(plainHv.toDoubleArray(), fusedHv.toDoubleArray(), 1e-12, "H·v");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32AgreesWithFloat64(Case c) {
        Tensor y32 = prediction(DType.FLOAT32).requiresGrad(true);
        Tensor y64 = y32.copy(DType.FLOAT64).requiresGrad(true);
        Tensor loss32 = c.fused().apply(y32, c.target().copy(DType.FLOAT32));
        Tensor loss64 = c.fused().apply(y64, c.target().copy(DType.FLOAT32).copy(DType.FLOAT64));
        assertEquals(DType.FLOAT32, loss32.dtype());
        assertEquals((float) loss64.item(), loss32.item(), 0.0, "value: float64 rounded once");
        Tensor g32 = gradient(loss32, y32, 1, false);
        assertEquals(DType.FLOAT32, g32.dtype());
        double[] g64 = gradient(loss64, y64, 1, false).toDoubleArray();
        for (int i = 0; i < g64.length; i++) {
            assertEquals((float) g64[i], g32.get(i), 0.0, "gradient element " + i + ": float64 rounded once");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void leavesTheTargetAlone(Case c) {
        Tensor d = c.target().copy(DType.FLOAT64);
        Tensor y = prediction(DType.FLOAT64).requiresGrad(true);
        Tensor g = gradient(c.fused().apply(y, d), y, 1, false);
        assertTrue(g != d && g.doubleData() != d.doubleData(), "the gradient is not the target's storage");
        assertArrayEquals(c.target().toDoubleArray(), d.toDoubleArray(), 0.0, "target unchanged");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recordsNothingWithoutGradients(Case c) {
        assertNull(c.fused().apply(prediction(DType.FLOAT64), c.target()).node(), "prediction without gradients");
        try (NoGrad scope = NoGrad.enter()) {
            assertNull(c.fused().apply(prediction(DType.FLOAT64).requiresGrad(true), c.target()).node(), "NoGrad");
        }
    }

    @Test
    void aTargetThatRequiresGradientsGetsThemThroughTheUnfusedFormula() {
        Tensor y = prediction(DType.FLOAT64).requiresGrad(true);
        Tensor d = Tensor.uniform(new Random(8), 0, 1, DType.FLOAT64, 5, 3).requiresGrad(true);
        // ∂L/∂d = −(y − d)/N for L2 and −z/N for the sigmoid cross-entropy.
        Tensor l2 = Backprop.gradients(new L2Loss().compute(y, d), Tensor.scalar(1, DType.FLOAT64), List.of(d), false)[0];
        Tensor bce = Backprop.gradients(new BinaryCrossEntropyWithLogits().compute(y, d), Tensor.scalar(1, DType.FLOAT64),
                List.of(d), false)[0];
        for (int i = 0; i < d.size(); i++) {
            assertEquals(-(y.get(i) - d.get(i)) / 5, l2.get(i), 1e-15, "l2 element " + i);
            assertEquals(-y.get(i) / 5, bce.get(i), 1e-15, "bce element " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aLeafPredictionGetsTheSameGradientEveryStepAndKeepsAnEarlierOne(Case c) {
        // Reused gradient storage belongs to nn.Parameter (for the fused layers); a plain leaf's
        // gradient is new at every step, so a kept one is never overwritten.
        Tensor y = prediction(DType.FLOAT32).requiresGrad(true);
        Tensor d = c.target().copy(DType.FLOAT32);
        c.fused().apply(y, d).backward();
        Tensor first = y.grad();
        double[] firstValues = first.toDoubleArray();
        y.zeroGrad();
        c.fused().apply(y, d).backward();
        assertNotSame(first, y.grad());
        assertArrayEquals(firstValues, y.grad().toDoubleArray(), 0.0, "the same gradient");
        assertArrayEquals(firstValues, first.toDoubleArray(), 0.0, "the first left alone");
    }
}
