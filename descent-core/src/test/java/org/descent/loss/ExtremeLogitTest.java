package org.descent.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.descent.autograd.Backprop;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** At |logit| = 1000 (and 10⁴ for the sigmoid) the fused losses stay finite and their gradients are exactly (y − d)/N. */
class ExtremeLogitTest {
    private static final double[] LOGITS = {1000, -1000, 0, -1000, 1000, 1000, 0, 0, -1000};

    private static Tensor gradient(Loss loss, Tensor logits, Tensor target) {
        Tensor value = loss.compute(logits, target);
        assertTrue(value.allFinite(), loss + " at |z| = 1000: " + value);
        return Backprop.gradients(value, Tensor.ones(value.dtype()), List.of(logits), false)[0];
    }

    @Test
    void crossEntropyGradientIsSoftmaxMinusSmoothedTarget() {
        for (DType dtype : DType.values()) {
            Tensor z = Tensor.of(LOGITS, 3, 3).copy(dtype).requiresGrad(true);
            Tensor d = CrossEntropy.targets(new int[] {1, 0, 2}, 3, dtype);
            CrossEntropy loss = new CrossEntropy(0.1);
            // softmax of the rows: (1, 0, 0), (0, ½, ½), (½, ½, 0).
            double[] softmax = {1, 0, 0, 0, 0.5, 0.5, 0.5, 0.5, 0};
            double[] smoothed = {0.1, 0.8, 0.1, 0.8, 0.1, 0.1, 0.1, 0.1, 0.8};
            Tensor g = gradient(loss, z, d);
            for (int i = 0; i < softmax.length; i++) {
                assertEquals((softmax[i] - smoothed[i]) / 3, g.get(i), dtype == DType.FLOAT32 ? 1e-7 : 1e-16,
                        dtype + " element " + i);
            }
            // Loss per row: −Σ d' log softmax, with log softmax (0, −2000, −1000), (−2000 − ln 2, −ln 2, −ln 2)
            // and (−ln 2, −ln 2, −1000 − ln 2).
            double ln2 = Math.log(2);
            double row0 = -(0.1 * 0 + 0.8 * -2000 + 0.1 * -1000);
            double row1 = -(0.8 * (-2000 - ln2) + 0.1 * -ln2 + 0.1 * -ln2);
            double row2 = -(0.1 * -ln2 + 0.1 * -ln2 + 0.8 * (-1000 - ln2));
            double expected = (row0 + row1 + row2) / 3;
            assertEquals(expected, loss.compute(z, d).item(), expected * (dtype == DType.FLOAT32 ? 1e-6 : 1e-14));
        }
    }

    @Test
    void binaryCrossEntropyWithLogitsGradientIsSigmoidMinusTarget() {
        for (DType dtype : DType.values()) {
            for (double big : new double[] {1000, 1e4}) {
                Tensor z = Tensor.of(new double[] {big, -big, big, -big}, 4, 1).copy(dtype).requiresGrad(true);
                Tensor d = Tensor.of(new double[] {1, 0, 0, 1}, 4, 1).copy(dtype);
                Tensor g = gradient(new BinaryCrossEntropyWithLogits(), z, d);
                double[] expected = {0, 0, 0.25, -0.25};
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], g.get(i), 0.0, dtype + " at |z| = " + big + ", element " + i);
                }
                assertEquals(big / 2, new BinaryCrossEntropyWithLogits().compute(z, d).item(), 0.0, dtype + " loss");
            }
        }
    }

    @Test
    void klDivergenceIsFiniteWithZeroTargets() {
        Tensor z = Tensor.of(LOGITS, 3, 3).requiresGrad(true);
        Tensor d = Tensor.of(new double[] {1, 0, 0, 0, 0.5, 0.5, 0, 0, 1}, 3, 3);
        Tensor g = gradient(new KlDivergence(), z, d);
        double[] expected = {0, 0, 0, 0, 0, 0, 0.5 / 3, 0.5 / 3, -1.0 / 3};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], g.get(i), 1e-16, "element " + i);
        }
        // Rows 0 and 1 match their targets exactly (KL 0); row 2 puts mass e^−1000/2 on its class.
        assertEquals((1000.0 + Math.log(2)) / 3, new KlDivergence().compute(z, d).item(), 1e-12);
    }
}
