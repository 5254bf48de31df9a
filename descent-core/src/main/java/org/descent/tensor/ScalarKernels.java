package org.descent.tensor;

import java.util.Arrays;

/**
 * Plain Java loops, ordered so the innermost loop walks memory contiguously; the element-wise
 * operations are {@link ScalarElementwise}.
 */
final class ScalarKernels implements Kernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void gemm(float[] a, float[] b, float[] c, int m, int n, int k, boolean transA, boolean transB) {
        Arrays.fill(c, 0, m * n, 0f);
        if (!transB) {
            for (int i = 0; i < m; i++) {
                int rowC = i * n;
                for (int p = 0; p < k; p++) {
                    float aip = transA ? a[p * m + i] : a[i * k + p];
                    int rowB = p * n;
                    for (int j = 0; j < n; j++) {
                        c[rowC + j] += aip * b[rowB + j];
                    }
                }
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                int rowB = j * k;
                if (transA) {
                    for (int p = 0; p < k; p++) {
                        sum += a[p * m + i] * b[rowB + p];
                    }
                } else {
                    int rowA = i * k;
                    for (int p = 0; p < k; p++) {
                        sum += a[rowA + p] * b[rowB + p];
                    }
                }
                c[i * n + j] = sum;
            }
        }
    }

    @Override
    public void gemm(double[] a, double[] b, double[] c, int m, int n, int k, boolean transA, boolean transB) {
        Arrays.fill(c, 0, m * n, 0.0);
        if (!transB) {
            for (int i = 0; i < m; i++) {
                int rowC = i * n;
                for (int p = 0; p < k; p++) {
                    double aip = transA ? a[p * m + i] : a[i * k + p];
                    int rowB = p * n;
                    for (int j = 0; j < n; j++) {
                        c[rowC + j] += aip * b[rowB + j];
                    }
                }
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0.0;
                int rowB = j * k;
                for (int p = 0; p < k; p++) {
                    sum += (transA ? a[p * m + i] : a[i * k + p]) * b[rowB + p];
                }
                c[i * n + j] = sum;
            }
        }
    }

    // ---- float32 element-wise operations and reductions (ScalarElementwise) ----

    @Override
    public void addBias(float[] z, float[] bias, int rows, int cols) {
        ScalarElementwise.addBias(z, bias, rows, cols);
    }

    @Override
    public void relu(float[] x, float[] y, int n) {
        ScalarElementwise.relu(x, y, n);
    }

    @Override
    public void sigmoid(float[] x, float[] y, int n) {
        ScalarElementwise.sigmoid(x, y, n);
    }

    @Override
    public void tanh(float[] x, float[] y, int n) {
        ScalarElementwise.tanh(x, y, n);
    }

    @Override
    public void exp(float[] x, float[] y, int n) {
        ScalarElementwise.exp(x, y, n);
    }

    @Override
    public void reluGradient(float[] g, float[] z, float[] d, int n) {
        ScalarElementwise.reluGradient(g, z, d, n);
    }

    @Override
    public void sigmoidGradient(float[] g, float[] a, float[] d, int n) {
        ScalarElementwise.sigmoidGradient(g, a, d, n);
    }

    @Override
    public void tanhGradient(float[] g, float[] a, float[] d, int n) {
        ScalarElementwise.tanhGradient(g, a, d, n);
    }

    @Override
    public void columnSums(float[] x, float[] sums, int rows, int cols) {
        ScalarElementwise.columnSums(x, sums, rows, cols);
    }

    @Override
    public void axpy(float alpha, float[] x, float[] y, int n) {
        ScalarElementwise.axpy(alpha, x, y, n);
    }
}
