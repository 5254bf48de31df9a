package org.descent.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.descent.autograd.Backprop;
import org.descent.autograd.GradCheck;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every loss against central finite differences in float64, to first and second order. */
class LossGradientTest {

    private static Tensor logits() {
        return Tensor.uniform(new Random(5), -3, 3, DType.FLOAT64, 4, 3);
    }

    private static Tensor probabilities(long seed) {
        return Tensor.uniform(new Random(seed), 0.1, 3, DType.FLOAT64, 4, 3).softmax(1);
    }

    private static Tensor binary() {
        return Tensor.of(new double[] {1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0}, 4, 3);
    }

    static Stream<Arguments> losses() {
        Tensor oneHot = CrossEntropy.targets(new int[] {2, 0, 1, 1}, 3, DType.FLOAT64);
        Tensor sparse = Tensor.of(new double[] {0.5, 0.5, 0, 0, 0.2, 0.8, 1, 0, 0, 0.1, 0.6, 0.3}, 4, 3);
        return Stream.of(
                Arguments.of(new L2Loss(), Tensor.uniform(new Random(2), -2, 2, DType.FLOAT64, 4, 3), logits()),
                Arguments.of(new BinaryCrossEntropy(), binary(), logits().sigmoid()),
                Arguments.of(new BinaryCrossEntropy(), Tensor.uniform(new Random(6), 0, 1, DType.FLOAT64, 4, 3),
                        logits().sigmoid()),
                Arguments.of(new BinaryCrossEntropyWithLogits(), binary(), logits()),
                Arguments.of(new CrossEntropy(), oneHot, logits()),
                Arguments.of(new CrossEntropy(0.05), oneHot, logits()),
                Arguments.of(CrossEntropy.withPyTorchSmoothing(0.3), probabilities(7), logits()),
                Arguments.of(new KlDivergence(), probabilities(8), logits()),
                Arguments.of(new KlDivergence(), sparse, logits()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void gradientMatchesFiniteDifferences(Loss loss, Tensor target, Tensor prediction) {
        double error = GradCheck.maxError(p -> loss.compute(p[0], target), prediction);
        assertTrue(error < 1e-6, loss + ": max error " + error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void secondDerivativeMatchesFiniteDifferences(Loss loss, Tensor target, Tensor prediction) {
        // ‖∇L‖² is differentiable (and its gradient right) only if the backward rules are.
        Function<Tensor[], Tensor> gradientNorm = p -> {
            Tensor[] g = Backprop.gradients(loss.compute(p[0], target), Tensor.scalar(1, DType.FLOAT64),
                    List.of(p[0]), true);
            return g[0].square().sum();
        };
        double error = GradCheck.maxError(gradientNorm, prediction);
        assertTrue(error < 1e-5, loss + ": max error " + error);
    }
}
