package org.descent.internal.kernel;

import java.util.Arrays;

/**
 * The float32 element-wise kernels of {@link ScalarKernels} as plain loops. The transcendental
 * functions are evaluated in float64 and rounded once, as the float32 tensor operations were
 * before kernels existed.
 */
final class ScalarElementwise {
    private ScalarElementwise() {
    }

    static void addBias(float[] z, float[] bias, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            for (int j = 0; j < cols; j++) {
                z[row + j] += bias[j];
            }
        }
    }

    static void relu(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = x[i] > 0 ? x[i] : 0f;
        }
    }

    static void sigmoid(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = (float) sigmoid(x[i]);
        }
    }

    /** σ(x) = 1 / (1 + e^−x), evaluated on the side that cannot overflow (as the float64 tensor operation). */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    static void tanh(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
    }

    static void exp(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = (float) Math.exp(x[i]);
        }
    }

    static void reluGradient(float[] g, float[] z, float[] d, int n) {
        for (int i = 0; i < n; i++) {
            d[i] = z[i] >= 0 ? g[i] : 0f;
        }
    }

    static void sigmoidGradient(float[] g, float[] a, float[] d, int n) {
        for (int i = 0; i < n; i++) {
            d[i] = g[i] * (a[i] * (1f - a[i]));
        }
    }

    static void tanhGradient(float[] g, float[] a, float[] d, int n) {
        for (int i = 0; i < n; i++) {
            d[i] = g[i] * (1f - a[i] * a[i]);
        }
    }

    static void columnSums(float[] x, float[] sums, int rows, int cols) {
        Arrays.fill(sums, 0, cols, 0f);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            for (int j = 0; j < cols; j++) {
                sums[j] += x[row + j];
            }
        }
    }

    static void axpy(float alpha, float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += alpha * x[i];
        }
    }
}
