package org.descent.tensor;

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
            y[i] = (float) Unary.sigmoid(x[i]);
        }
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
