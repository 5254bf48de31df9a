package org.descent.loss;

import static org.descent.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.descent.DescentException;
import org.descent.Fixtures;
import org.descent.autograd.Backprop;
import org.descent.autograd.GradCheck;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** L1, Huber and class-weighted cross-entropy against PyTorch (toolbox_losses.json) and finite differences. */
class ToolboxLossTest {
    private static final String FILE = "toolbox_losses.json";

    static Stream<String> cases() {
        return Fixtures.caseNames(FILE).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lossAndGradientMatchPyTorch(String name) {
        Fixtures.Case c = Fixtures.load(FILE, name);
        boolean classification = name.startsWith("weighted");
        Tensor prediction = c.tensor(classification ? "z" : "y").requiresGrad(true);
        Tensor target;
        Loss loss;
        if (classification) {
            target = CrossEntropy.targets(c.labels("labels"), prediction.shape().dim(1), c.dtype());
            loss = new WeightedCrossEntropy(c.tensor("weights").toDoubleArray(),
                    CrossEntropy.withPyTorchSmoothing(c.scalar("label_smoothing")));
        } else {
            target = c.tensor("d");
            loss = name.startsWith("l1") ? new L1Loss() : new HuberLoss(c.scalar("delta"));
        }
        Tensor value = loss.compute(prediction, target);
        assertClose(c.tensor("loss"), value, name + " loss");
        Tensor gradient = Backprop.gradients(value, Tensor.scalar(1, value.dtype()), List.of(prediction), false)[0];
        assertClose(c.tensor(classification ? "dloss_dz" : "dloss_dy"), gradient, name + " gradient");
    }

    static Stream<Loss> losses() {
        return Stream.of(new L1Loss(), new HuberLoss(1.0), new HuberLoss(0.3), new WeightedCrossEntropy(0.5, 2, 1),
                new WeightedCrossEntropy(new double[] {0.5, 2, 1}, new CrossEntropy(0.1)));
    }

    private static Tensor target(Loss loss) {
        if (loss instanceof WeightedCrossEntropy) {
            return CrossEntropy.targets(new int[] {0, 2, 1, 1}, 3, DType.FLOAT64);
        }
        return Tensor.uniform(new Random(8), -1, 1, DType.FLOAT64, 4, 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void gradientMatchesFiniteDifferences(Loss loss) {
        Tensor y = Tensor.uniform(new Random(2), -2, 2, DType.FLOAT64, 4, 3);
        Tensor d = target(loss);
        double error = GradCheck.maxError(in -> loss.compute(in[0], d), y);
        assertTrue(error < 1e-6, loss + ": max error " + error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void secondDerivativeMatchesFiniteDifferences(Loss loss) {
        if (loss instanceof L1Loss) {
            return;   // piecewise linear
        }
        Tensor y = Tensor.uniform(new Random(4), -2, 2, DType.FLOAT64, 4, 3);
        Tensor d = target(loss);
        Function<Tensor[], Tensor> gradient = in -> Backprop.gradients(loss.compute(in[0], d),
                Tensor.scalar(1, DType.FLOAT64), List.of(in[0]), true)[0];
        double error = GradCheck.maxError(gradient, y);
        assertTrue(error < 1e-5, loss + ": max error " + error);
    }

    @Test
    void allWeightsOneIsThePlainCrossEntropy() {
        Tensor z = Tensor.uniform(new Random(6), -3, 3, DType.FLOAT64, 5, 4);
        Tensor d = CrossEntropy.targets(new int[] {0, 3, 1, 2, 2}, 4, DType.FLOAT64);
        assertEquals(new CrossEntropy().compute(z, d).item(), new WeightedCrossEntropy(1, 1, 1, 1).compute(z, d).item(),
                1e-14);
    }

    @Test
    void badArgumentsAreOneClearLine() {
        assertEquals("huber: delta must be positive and finite, got 0.0",
                assertThrows(DescentException.class, () -> new HuberLoss(0)).getMessage());
        assertEquals("cross_entropy: the weight of class 1 must be >= 0 and finite, got -1.0",
                assertThrows(DescentException.class, () -> new WeightedCrossEntropy(1, -1)).getMessage());
        assertEquals("cross_entropy: every class weight is 0; at least one must be positive",
                assertThrows(DescentException.class, () -> new WeightedCrossEntropy(0, 0)).getMessage());
        Tensor z = Tensor.zeros(DType.FLOAT64, 2, 3);
        Tensor d = CrossEntropy.targets(new int[] {0, 1}, 3, DType.FLOAT64);
        assertEquals("cross_entropy: 2 class weights for 3 classes; give one weight per class",
                assertThrows(DescentException.class, () -> new WeightedCrossEntropy(1, 2).compute(z, d)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"l1", "huber"})
    void float32IsWithin1e5OfFloat64(String kind) {
        Loss loss = kind.equals("l1") ? new L1Loss() : new HuberLoss(0.5);
        Tensor y = Tensor.uniform(new Random(1), -2, 2, DType.FLOAT32, 16, 3);
        Tensor d = Tensor.uniform(new Random(2), -2, 2, DType.FLOAT32, 16, 3);
        assertClose(loss.compute(y.copy(DType.FLOAT64), d.copy(DType.FLOAT64)), loss.compute(y, d), kind);
    }
}
