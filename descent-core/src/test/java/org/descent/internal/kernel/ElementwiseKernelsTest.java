package org.descent.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The float32 element-wise kernels, vector and scalar, against references written out here:
 * float arithmetic for the exact operations (which must agree bit for bit), float64 functions
 * for exp, σ and tanh (which may differ by a few units in the last place). Sizes cover 0, 1,
 * one lane short of and past a whole vector, and several vectors plus a tail.
 */
class ElementwiseKernelsTest {
    private static final Kernels SCALAR = KernelProvider.create(false);
    private static final Kernels VECTOR = KernelProvider.create(true);
    private static final Kernels[] BOTH = {SCALAR, VECTOR};
    private static final int LANES = VectorTiles.LANES;
    private static final int[] SIZES = {0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, LANES - 1, LANES, LANES + 1,
            3 * LANES + 5, 100, 1000};
    private static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
            100f, -100f, 20f, -20f, 1e-30f, -1e-30f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE};
    /** Largest distance allowed between a vector transcendental and the float64 value rounded to float. */
    private static final int MAX_ULPS = 2;

    @AfterEach
    void singleThread() {
        KernelThreads.setThreads(1);
    }

    /** Gaussian values of spread 4, the first ones replaced by special values when {@code n} allows. */
    private static float[] values(Random random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (4 * random.nextGaussian());
        }
        if (n >= 4) {
            for (int i = 0; i < Math.min(SPECIAL.length, n / 2); i++) {
                x[random.nextInt(n)] = SPECIAL[i];
            }
        }
        return x;
    }

    /** An output array longer than n, filled with a marker that must survive past index n. */
    private static float[] output(int n) {
        float[] y = new float[n + 3];
        Arrays.fill(y, 12345f);
        return y;
    }

    private static void assertUntouchedPast(float[] y, int n, String what) {
        for (int i = n; i < y.length; i++) {
            assertEquals(12345f, y[i], what + ": wrote past n at " + i);
        }
    }

    @Test
    void reluMatchesTheFloatReferenceExactly() {
        Random random = new Random(1);
        for (int n : SIZES) {
            float[] x = values(random, n);
            float[] expected = new float[n];
            for (int i = 0; i < n; i++) {
                expected[i] = x[i] > 0 ? x[i] : 0f;
            }
            for (Kernels kernels : BOTH) {
                float[] y = output(n);
                kernels.relu(x, y, n);
                assertArrayEquals(expected, Arrays.copyOf(y, n), kernels.name() + " n=" + n);
                assertUntouchedPast(y, n, kernels.name());
            }
        }
        float[] special = {Float.NaN, -0f, 0f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        for (Kernels kernels : BOTH) {
            float[] y = new float[special.length];
            kernels.relu(special, y, special.length);
            assertArrayEquals(new float[] {0f, 0f, 0f, 0f, Float.POSITIVE_INFINITY}, y, kernels.name());
            assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(y[1]), "relu(−0) is +0");
        }
    }

    @Test
    void gradientsMatchTheFloatReferenceExactly() {
        Random random = new Random(2);
        for (int n : SIZES) {
            float[] g = values(random, n);
            float[] z = values(random, n);
            float[] a = values(random, n);
            float[] relu = new float[n];
            float[] sigmoid = new float[n];
            float[] tanh = new float[n];
            for (int i = 0; i < n; i++) {
                relu[i] = z[i] >= 0 ? g[i] : 0f;
                sigmoid[i] = g[i] * (a[i] * (1f - a[i]));
                tanh[i] = g[i] * (1f - a[i] * a[i]);
            }
            for (Kernels kernels : BOTH) {
                String what = kernels.name() + " n=" + n;
                float[] d = output(n);
                kernels.reluGradient(g, z, d, n);
                assertArrayEquals(relu, Arrays.copyOf(d, n), "relu " + what);
                kernels.sigmoidGradient(g, a, d, n);
                assertArrayEquals(sigmoid, Arrays.copyOf(d, n), "sigmoid " + what);
                kernels.tanhGradient(g, a, d, n);
                assertArrayEquals(tanh, Arrays.copyOf(d, n), "tanh " + what);
                assertUntouchedPast(d, n, what);
            }
        }
    }

    @Test
    void reluGradientIsOneAtZeroAndZeroForNaN() {
        float[] z = {0f, -0f, Float.NaN, -1e-30f, 1e-30f};
        float[] g = {2f, 3f, 4f, 5f, 6f};
        for (Kernels kernels : BOTH) {
            float[] d = new float[z.length];
            kernels.reluGradient(g, z, d, z.length);
            assertArrayEquals(new float[] {2f, 3f, 0f, 0f, 6f}, d, kernels.name());
        }
    }

    @Test
    void biasAndColumnSumsMatchTheFloatReferenceExactly() {
        Random random = new Random(3);
        int[] rowCounts = {0, 1, 3, 33};
        for (int rows : rowCounts) {
            for (int cols : SIZES) {
                float[] z = values(random, rows * cols);
                float[] bias = values(random, cols);
                float[] withBias = z.clone();
                float[] sums = new float[cols];
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < cols; j++) {
                        withBias[r * cols + j] += bias[j];
                        sums[j] += z[r * cols + j];
                    }
                }
                for (Kernels kernels : BOTH) {
                    String what = kernels.name() + " " + rows + "×" + cols;
                    float[] y = z.clone();
                    kernels.addBias(y, bias, rows, cols);
                    assertArrayEquals(withBias, y, "bias " + what);
                    float[] s = output(cols);
                    Arrays.fill(s, 0, cols, Float.NaN);
                    kernels.columnSums(z, s, rows, cols);
                    assertArrayEquals(sums, Arrays.copyOf(s, cols), "column sums " + what);
                    assertUntouchedPast(s, cols, what);
                }
            }
        }
    }

    @Test
    void axpyMatchesTheFloatReferenceExactly() {
        Random random = new Random(4);
        for (int n : SIZES) {
            float[] x = values(random, n);
            float[] y0 = values(random, n);
            float alpha = -0.1f;
            float[] expected = y0.clone();
            for (int i = 0; i < n; i++) {
                expected[i] += alpha * x[i];
            }
            for (Kernels kernels : BOTH) {
                float[] y = Arrays.copyOf(y0, n + 3);
                Arrays.fill(y, n, n + 3, 12345f);
                kernels.axpy(alpha, x, y, n);
                assertArrayEquals(expected, Arrays.copyOf(y, n), kernels.name() + " n=" + n);
                assertUntouchedPast(y, n, kernels.name());
            }
        }
    }

    @Test
    void expSigmoidAndTanhAreWithinTwoUlpsOfFloat64() {
        assertTranscendental("exp", Kernels::exp, Math::exp);
        assertTranscendental("sigmoid", Kernels::sigmoid, ScalarElementwise::sigmoid);
        assertTranscendental("tanh", Kernels::tanh, Math::tanh);
    }

    @FunctionalInterface
    private interface ElementwiseKernel {
        void apply(Kernels kernels, float[] x, float[] y, int n);
    }

    private static void assertTranscendental(String name, ElementwiseKernel kernel, DoubleUnaryOperator reference) {
        Random random = new Random(5);
        for (int n : SIZES) {
            float[] x = values(random, n);
            for (Kernels kernels : BOTH) {
                String what = name + " " + kernels.name() + " n=" + n;
                float[] y = output(n);
                kernel.apply(kernels, x, y, n);
                assertUntouchedPast(y, n, what);
                for (int i = 0; i < n; i++) {
                    float expected = (float) reference.applyAsDouble(x[i]);
                    int allowed = kernels == SCALAR ? 0 : MAX_ULPS;
                    if (ulps(expected, y[i]) > allowed) {
                        throw new AssertionError(what + ": f(" + x[i] + ") = " + y[i] + ", float64 gives " + expected);
                    }
                }
                float[] inPlace = Arrays.copyOf(x, n);
                kernel.apply(kernels, inPlace, inPlace, n);
                assertArrayEquals(Arrays.copyOf(y, n), inPlace, what + " in place");
            }
        }
    }

    @Test
    void aTranscendentalValueDoesNotDependOnItsPosition() {
        for (int n : SIZES) {
            float[] x = new float[n];
            Arrays.fill(x, 0.7310586f);
            float[] y = new float[n];
            VECTOR.exp(x, y, n);
            for (int i = 1; i < n; i++) {
                assertEquals(y[0], y[i], "n=" + n + " position " + i);
            }
        }
    }

    @Test
    void sameResultsWithOneAndTwoThreads() {
        Random random = new Random(6);
        float[] x = values(random, 64 * 300);
        float[][] results = new float[2][];
        for (int threads = 1; threads <= 2; threads++) {
            KernelThreads.setThreads(threads);
            float[] y = new float[x.length];
            VECTOR.exp(x, y, x.length);
            float[] sums = new float[300];
            VECTOR.columnSums(y, sums, 64, 300);
            results[threads - 1] = sums;
        }
        assertArrayEquals(results[0], results[1]);
    }

    /** Distance in units in the last place; 0 for two NaNs or for +0 and −0. */
    private static int ulps(float expected, float actual) {
        if (Float.isNaN(expected) || Float.isNaN(actual)) {
            return Float.isNaN(expected) && Float.isNaN(actual) ? 0 : Integer.MAX_VALUE;
        }
        if (expected == actual) {
            return 0;
        }
        if (Math.signum(expected) != Math.signum(actual) && expected != 0 && actual != 0) {
            return Integer.MAX_VALUE;
        }
        return Math.abs(Float.floatToIntBits(Math.abs(expected)) - Float.floatToIntBits(Math.abs(actual)));
    }
}
