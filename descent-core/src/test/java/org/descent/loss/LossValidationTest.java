package org.descent.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Invalid hyperparameters and inputs are refused with messages that say what is wrong. */
class LossValidationTest {

    private static void assertMessage(Class<? extends DescentException> type, Runnable action, String... parts) {
        DescentException e = assertThrows(type, action::run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
        }
    }

    @Test
    void smoothingOutsideItsRangeIsRefused() {
        assertMessage(DescentException.class, () -> new CrossEntropy(-0.1), "must be in [0, 0.5]", "-0.1");
        assertMessage(DescentException.class, () -> CrossEntropy.withPyTorchSmoothing(1.5), "must be in [0, 1.0]", "1.5");
        assertMessage(DescentException.class, () -> new CrossEntropy(Double.NaN), "NaN");
        CrossEntropy tooLarge = new CrossEntropy(0.3);
        Tensor z = Tensor.zeros(DType.FLOAT64, 2, 4);
        Tensor d = CrossEntropy.targets(new int[] {0, 3}, 4, DType.FLOAT64);
        assertMessage(DescentException.class, () -> tooLarge.compute(z, d), "too large for K = 4", "1/K = 0.25");
    }

    @Test
    void lectureAndPyTorchConventionsAgree() {
        Tensor z = Tensor.uniform(new Random(1), -2, 2, DType.FLOAT64, 3, 4);
        Tensor d = CrossEntropy.targets(new int[] {0, 3, 1}, 4, DType.FLOAT64);
        double lecture = new CrossEntropy(0.025).compute(z, d).item();
        double pytorch = CrossEntropy.withPyTorchSmoothing(0.1).compute(z, d).item();
        assertEquals(lecture, pytorch, 1e-15);
        assertEquals(0.025, CrossEntropy.withPyTorchSmoothing(0.1).epsilon(4), 1e-17);
        Tensor smoothed = new CrossEntropy(0.025).smoothed(d);
        assertEquals(1 - 3 * 0.025, smoothed.at(1, 3), 1e-15);
        assertEquals(0.025, smoothed.at(1, 0), 1e-15);
    }

    @Test
    void labelsOutsideTheClassesAreRefused() {
        assertMessage(DescentException.class, () -> CrossEntropy.targets(new int[] {0, 5}, 3), "label 5 of sample 1",
                "0..2");
    }

    @Test
    void targetsThatAreNotDistributionsAreRefused() {
        Tensor z = Tensor.zeros(DType.FLOAT64, 2, 2);
        Tensor d = Tensor.of(new double[] {1, 0, 0.5, 0.2}, 2, 2);
        assertMessage(DescentException.class, () -> new CrossEntropy().compute(z, d), "row 1 sums to 0.7");
        assertMessage(DescentException.class, () -> new KlDivergence().compute(z, d), "row 1 sums to 0.7");
    }

    @Test
    void probabilitiesOutsideTheUnitIntervalAreRefused() {
        Tensor p = Tensor.of(new double[] {0.5, 1.2}, 2, 1);
        Tensor d = Tensor.of(new double[] {1, 0}, 2, 1);
        assertMessage(DescentException.class, () -> new BinaryCrossEntropy().compute(p, d), "binary_cross_entropy",
                "probability = 1.2 at sample 1");
    }

    @Test
    void mismatchedShapesNameBoth() {
        Tensor y = Tensor.zeros(DType.FLOAT64, 4, 3);
        Tensor d = Tensor.zeros(DType.FLOAT64, 4, 2);
        assertMessage(ShapeException.class, () -> new L2Loss().compute(y, d), "l2", "[4, 3]", "[4, 2]");
    }

    @Test
    void mixedDTypesAreRefused() {
        Tensor y = Tensor.zeros(DType.FLOAT32, 2, 1);
        Tensor d = Tensor.zeros(DType.FLOAT64, 2, 1);
        assertMessage(ShapeException.class, () -> new L2Loss().compute(y, d), "l2: prediction is FLOAT32",
                "target is FLOAT64", ".to(DType)");
        assertMessage(ShapeException.class, () -> new BinaryCrossEntropyWithLogits().compute(y, d),
                "binary_cross_entropy_with_logits: prediction is FLOAT32", "target is FLOAT64");
    }
}
