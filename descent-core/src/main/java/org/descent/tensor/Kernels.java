package org.descent.tensor;

/**
 * The numeric kernels behind tensor operations. Callers go through {@link #active()}, so a
 * faster implementation (Vector API, several threads) can replace the scalar one without
 * touching them.
 */
public interface Kernels {

    /**
     * {@code c = op(a) · op(b)}, where op(a) is m×k and op(b) is k×n, all row-major. With
     * {@code transA} a is stored k×m; with {@code transB} b is stored n×k. {@code c} is
     * overwritten.
     */
    void gemm(float[] a, float[] b, float[] c, int m, int n, int k, boolean transA, boolean transB);

    /** The float64 twin of {@link #gemm(float[], float[], float[], int, int, int, boolean, boolean)}. */
    void gemm(double[] a, double[] b, double[] c, int m, int n, int k, boolean transA, boolean transB);

    /** A short name for logs, e.g. "scalar". */
    String name();

    /**
     * The implementation in use, chosen once at start-up: the Vector API kernels when the JVM
     * runs with {@code --add-modules jdk.incubator.vector}, else plain scalar loops (same
     * results up to float rounding). The choice is logged once at INFO.
     */
    static Kernels active() {
        return KernelProvider.ACTIVE;
    }
}
