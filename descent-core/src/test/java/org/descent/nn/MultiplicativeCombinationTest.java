package org.descent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.autograd.GradCheck;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** y = Π_l z_l^α_lk: gradients, parameter names, and the error for z ≤ 0. */
class MultiplicativeCombinationTest {
    private final Tensor x = Tensor.uniform(new Random(2), 0.2, 1.5, DType.FLOAT64, 5, 4);

    private static MultiplicativeCombination layer() {
        MultiplicativeCombination layer = new MultiplicativeCombination(4, 3, 2, new Random(1));
        layer.to(DType.FLOAT64);
        return layer;
    }

    @Test
    void parameterGradientsMatchFiniteDifferences() {
        assertTrue(ParameterGradCheck.maxError(layer(), x) < 1e-6);
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        MultiplicativeCombination layer = layer();
        assertTrue(GradCheck.maxError(in -> layer.forward(in[0]), x) < 1e-6);
    }

    @Test
    void computesTheProductOfPowers() {
        MultiplicativeCombination layer = layer();
        Tensor z = layer.linear().forward(x);
        Tensor y = layer.forward(x);
        double expected = 1;
        for (int l = 0; l < 3; l++) {
            expected *= Math.pow(z.at(2, l), layer.alpha().value().at(l, 1));
        }
        assertEquals(expected, y.at(2, 1), 1e-12);
    }

    @Test
    void parameterNamesAndSizes() {
        MultiplicativeCombination layer = layer();
        assertEquals(List.of("alpha", "linear.weight", "linear.bias"), List.copyOf(layer.namedParameters().keySet()));
        assertEquals(2, layer.outputSize(4));
        assertEquals("MultiplicativeCombination(in=4, units=3, out=2)", layer.toString());
    }

    @Test
    void nonPositiveCombinationIsAClearError() {
        MultiplicativeCombination layer = layer();
        layer.linear().bias().set(Tensor.of(new double[] {1, -5, 1}, 3), "linear.bias");
        DescentException e = assertThrows(DescentException.class, () -> layer.forward(x));
        String message = e.getMessage();
        assertTrue(message.startsWith("MultiplicativeCombination(in=4, units=3, out=2): z = -"), message);
        assertTrue(message.contains("at sample 0, unit 1 is not positive"), message);
        assertTrue(message.contains("positive inputs and a positive bias"), message);
    }
}
