package org.descent.tensor;

import static org.descent.tensor.VectorMicroKernel.MR;
import static org.descent.tensor.VectorMicroKernel.NR;

/**
 * {@code C = op(A) · B} with nothing packed, for products of at most {@link VectorMicroKernel#NR}
 * rows whose depth fits one block ({@code k ≤} {@link VectorGemm#KC}) and whose B is row-major
 * and at least {@link VectorMicroKernel#NR} wide: in an MLP at small batch, {@code dx = dZ·W} and
 * {@code dW = dZᵀ·a} of a narrow layer (10 outputs). Packing would copy each operand to use it
 * only a few times; here {@link VectorMicroKernel#multiplyStrided} broadcasts A and loads B where
 * they lie. The last column strip is shifted left to end at column n, overlapping the one before,
 * and a short row tile repeats its last row: such elements are computed twice with the same terms
 * in the same order, so both stores write the same bits. Each element of C is {@code Σ_p} in
 * order p = 0..k−1 from zero, as in {@link VectorGemm} for one depth block.
 */
final class VectorDirectGemm {
    private VectorDirectGemm() {
    }

    /**
     * Whether {@link #multiply} serves this shape; a property of the shape alone. Up to
     * {@link VectorMicroKernel#NR} rows: beyond, packing B pays for itself (64×784×32 and
     * 128×784×256 ran faster packed, 32×256×128 and the 10-wide products faster here).
     */
    static boolean serves(int m, int n, int k, boolean transB) {
        return !transB && m <= NR && n >= NR && k <= VectorGemm.KC;
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
