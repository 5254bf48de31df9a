package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class StepLoopsTest {
    private static final StepLoops SCALAR = StepLoops.create(false);
    private static final StepLoops VECTOR = StepLoops.create(true);
    private static final int LANES = DoubleVector.SPECIES_PREFERRED.length();

    @Test
    void vectorLoopsAreActiveWhenTheModuleIsPresent() {
        assertTrue(VECTOR instanceof VectorStepLoops, VECTOR.getClass().getName());
        assertSame(VECTOR.getClass(), StepLoops.ACTIVE.getClass());
        assertSame(ScalarStepLoops.INSTANCE, SCALAR);
    }

    @Test
    void vectorAdamMatchesTheScalarLoopBitForBit() {
        Random random = new Random(3);
        int[] sizes = {0, 1, LANES - 1, LANES, LANES + 1, 2 * LANES + 3, 255, 256, 257, 1000, 784 * 3 + 5};
        for (int size : sizes) {
            for (double lambda : new double[] {0, 0.01}) {
                float[] w = new float[size];
                float[] g = new float[size];
                for (int i = 0; i < size; i++) {
                    w[i] = (float) random.nextGaussian();
                    g[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 6));
                }
                if (size > 2) {
                    g[0] = 0f;
                    g[1] = -0f;
                }
                float[] ws = w.clone();
                double[] ms = new double[size];
                double[] vs = new double[size];
                double[] mv = new double[size];
                double[] vv = new double[size];
                for (int t = 1; t <= 3; t++) {
                    AdamCoefficients c = new AdamCoefficients(0.9, 0.999, lambda, 1e-8,
                            0.001 / (1 - Math.pow(0.9, t)), Math.sqrt(1 - Math.pow(0.999, t)));
                    SCALAR.adam(ws, g, ms, vs, c);
                    VECTOR.adam(w, g, mv, vv, c);
                }
                String where = "size " + size + ", λ " + lambda;
                assertArrayEquals(ws, w, 0f, where);   // 0 tolerance: the same float bits
                assertArrayEquals(ms, mv, 0.0, where);
                assertArrayEquals(vs, vv, 0.0, where);
            }
        }
    }

    @Test
    void float32AdamFollowsTheFormulaInFloat64() {
        Parameter p = new Parameter(Tensor.of(new float[] {1f, -2f, 0.5f}, 3));
        Adam adam = new Adam(List.of(p), 0.1);
        p.value().mul(Tensor.of(new float[] {2f, 4f, -1f}, 3)).sum().backward();   // gradients 2, 4, −1
        adam.step();
        // First step: m̂ = g, v̂ = g², so w ← w − η g / (|g| + ε), computed in float64 and rounded once.
        assertArrayEquals(new float[] {(float) (1 - 0.1 * 2 / (2 + 1e-8)), (float) (-2 - 0.1 * 4 / (4 + 1e-8)),
                (float) (0.5 + 0.1 * 1 / (1 + 1e-8))}, p.value().floatData(), 0f);
        assertEquals(1, adam.stepCount());
    }
}
