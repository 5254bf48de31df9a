package org.descent.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The few-row product {@code x·Wᵀ} gives bitwise the rounding its documentation promises (16
 * partial fused multiply-add chains over p mod 16, added in order, then the tail), so it is the
 * same at every vector width; the per-width Surefire executions run this at 128, 256 and 512 bits.
 */
class VectorRowProductTest {
    private static final Kernels VECTOR = KernelProvider.create(true);

    @Test
    void everyElementIsTheDocumentedSumBitForBit() {
        Random random = new Random(29);
        int[] depths = {1, 2, 15, 16, 17, 31, 32, 33, 47, 64, 100, 255, 256, 257, 783, 784};
        for (int m = 1; m <= 3; m++) { // the path serves one row; multiply takes any number
            for (int n = 1; n <= 11; n++) {
                for (int k : depths) {
                    check(random, m, n, k);
                }
            }
        }
        check(random, 1, 256, 784);
        check(random, 1, 10, 128);
    }

    @Test
    void oneRowIsTakenByThisPath() {
        assertEquals(true, VectorRowProduct.serves(1, false, true));
        assertEquals(false, VectorRowProduct.serves(1, false, false));
        assertEquals(false, VectorRowProduct.serves(1, true, true));
        assertEquals(false, VectorRowProduct.serves(VectorRowProduct.MAX_ROWS + 1, false, true));
    }

    private static void check(Random random, int m, int n, int k) {
        float[] a = new float[m * k];
        float[] b = new float[n * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextGaussian();
        }
        float[] c = new float[m * n];
        java.util.Arrays.fill(c, Float.NaN);
        if (VectorRowProduct.serves(m, false, true)) {
            VECTOR.gemm(a, b, c, m, n, k, false, true);
        } else {
            VectorRowProduct.multiply(a, b, c, m, n, k);
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float expected = documented(a, i * k, b, j * k, k);
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(c[i * n + j]),
                        "m=" + m + " n=" + n + " k=" + k + " element (" + i + ", " + j + "): " + c[i * n + j] + " vs " + expected);
            }
        }
    }

    /** The order written out in scalar code. */
    private static float documented(float[] x, int xOff, float[] w, int wOff, int k) {
        int k16 = k - k % 16;
        float[] partial = new float[16];
        for (int p = 0; p < k16; p++) {
            partial[p % 16] = Math.fma(w[wOff + p], x[xOff + p], partial[p % 16]);
        }
        float sum = partial[0];
        for (int i = 1; i < 16; i++) {
            sum += partial[i];
        }
        for (int p = k16; p < k; p++) {
            sum = Math.fma(w[wOff + p], x[xOff + p], sum);
        }
        return sum;
    }
}
