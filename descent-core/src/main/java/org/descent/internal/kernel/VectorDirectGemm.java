package org.descent.internal.kernel;

import static org.descent.internal.kernel.VectorMicroKernel.MR;
import static org.descent.internal.kernel.VectorMicroKernel.NR;

/**
 * {@code C = op(A) · B} with nothing packed, for products of at most {@link #MAX_ROWS} rows (64)
 * whose depth fits one block ({@code k ≤} {@link VectorGemm#KC}) and whose B is row-major and at
 * least {@link VectorMicroKernel#NR} wide: in an MLP at small batch,
 * {@code dx = dZ·W}, and {@code dW = dZᵀ·a} of layers with at most 64 outputs. Packing would copy
 * each operand to use it only a few times; here {@link VectorMicroKernel#multiplyStrided}
 * broadcasts A and loads B where they lie. The last column strip is shifted left to end at column
 * n, overlapping the one before, and a short row tile repeats its last row: such elements are
 * computed twice with the same terms in the same order, so both stores write the same bits. Each
 * element of C is {@code Σ_p} in order p = 0..k−1 from zero, as in {@link VectorGemm} for one
 * depth block.
 */
final class VectorDirectGemm {
    /** Rows of op(A) up to which this path replaces {@link VectorGemm}. */
    static final int MAX_ROWS = VectorTiles.WIDTH.directMaxRows();

    private VectorDirectGemm() {
    }

    /**
     * Whether {@link #multiply} serves this shape; a property of the shape alone. Up to 64 rows
     * ({@link VectorWidth#DIRECT_MAX_ROWS}): at 512 bits 64×784×32 took 20.7–21.4 µs against
     * 23.1–23.4 packed; at 128 rows it depended on the shape (128×128×10 faster, 128×784×256
     * packed) and at 256 packing won (256×784×32: 89 against 79–81 µs), as each packed value of B
     * then serves enough rows.
     */
    static boolean serves(int m, int n, int k, boolean transB) {
        return !transB && m <= MAX_ROWS && n >= NR && k <= VectorGemm.KC;
    }

    static void multiply(float[] a, float[] b, float[] c, int m, int n, int k, boolean transA) {
        // A(i, p) = a[i·rowStride + p·depthStride]
        int rowStride = transA ? 1 : k;
        int depthStride = transA ? m : 1;
        for (int strip = 0; strip < n; strip += NR) {
            int j = Math.min(strip, n - NR);
            for (int i = 0; i < m; i += MR) {
                VectorMicroKernel.multiplyStrided(k, a, i * rowStride, rowStride, depthStride, Math.min(MR, m - i),
                        b, j, n, c, i * n + j, n);
            }
        }
    }
}
