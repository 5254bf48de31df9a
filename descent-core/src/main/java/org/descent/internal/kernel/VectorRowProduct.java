package org.descent.internal.kernel;

/**
 * {@code C = A · Bᵀ} (A is m×k, B is n×k, both row-major) for very few rows of A: one-row
 * inference, {@code x·Wᵀ} at batch ≤ {@link #MAX_ROWS} (one; {@link #multiply} takes any m). Each element is a dot product of
 * two contiguous rows, computed where they lie (nothing packed, no panel padding: the paths for
 * larger batches pad A to a whole panel of {@link VectorMicroKernel#NR} rows, which for one row
 * wastes all but one of them). Its rounding is fixed by k alone: 16 partial sums, partial i a
 * fused multiply-add chain over p ≡ i (mod 16) below {@code k16 = k − k mod 16}
 * ({@link VectorRowDot}, the same at every vector width), added in order i = 0..15, then the last
 * {@code k mod 16} terms as fused multiply-adds in order. That differs in the last bits from the
 * same row computed inside a larger batch (one chain over all p), as BLAS's GEMV and GEMM do.
 */
final class VectorRowProduct {
    /** Rows of A up to which this path replaces the others. */
    static final int MAX_ROWS = VectorTiles.WIDTH.rowProductMaxRows();

    private static final ThreadLocal<float[]> PARTIAL = ThreadLocal.withInitial(() -> new float[16 * VectorRowDot.ROWS]);

    private VectorRowProduct() {
    }

    /** Whether {@link #multiply} serves this shape; a property of the shape alone. */
    static boolean serves(int m, boolean transA, boolean transB) {
        return !transA && transB && m <= MAX_ROWS;
    }

    static void multiply(float[] a, float[] b, float[] c, int m, int n, int k) {
        float[] partial = PARTIAL.get();
        int k16 = k - k % 16;
        int rows = VectorRowDot.ROWS;
        for (int i = 0; i < m; i++) {
            int x = i * k;
            int out = i * n;
            int j = 0;
            for (; j + rows <= n; j += rows) {
                VectorRowDot.dot4(b, j * k, k, a, x, k16, partial);
                for (int r = 0; r < rows; r++) {
                    c[out + j + r] = finish(partial, 16 * r, b, (j + r) * k, a, x, k16, k);
                }
            }
            for (; j < n; j++) {
                VectorRowDot.dot1(b, j * k, k, a, x, k16, partial);
                c[out + j] = finish(partial, 0, b, j * k, a, x, k16, k);
            }
        }
    }

    /** The 16 partial sums at {@code partial[off]} added in order, then the terms from k16 on. */
    static float finish(float[] partial, int off, float[] w, int wOff, float[] x, int xOff, int k16, int k) {
        float sum = partial[off];
        for (int i = 1; i < 16; i++) {
            sum += partial[off + i];
        }
        for (int p = k16; p < k; p++) {
            sum = Math.fma(w[wOff + p], x[xOff + p], sum);
        }
        return sum;
    }
}
