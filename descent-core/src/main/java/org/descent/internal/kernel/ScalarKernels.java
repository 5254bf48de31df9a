package org.descent.internal.kernel;

import java.util.Arrays;

/**
 * Plain Java loops, ordered so the innermost loop walks memory contiguously; the element-wise
 * operations are the interface's defaults ({@link ScalarElementwise}).
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
}
