package org.descent.internal.kernel;

import java.util.Arrays;

import static org.descent.internal.kernel.VectorMicroKernel.MR;
import static org.descent.internal.kernel.VectorMicroKernel.NR;

/**
 * {@code C = A · Bᵀ} (A is m×k, B is n×k, both row-major) for a few rows of A, as in
 * {@code x·Wᵀ} at small batch, computed transposed: {@code Cᵀ = B · Aᵀ}. The large operand B,
 * whose rows are contiguous along the depth, feeds the micro-kernel's broadcasts where it lies
 * ({@link VectorMicroKernel#multiplyAddRows}), so it is never packed; only A, small, is packed
 * into {@link VectorMicroKernel#NR}-column panels of Aᵀ by {@link VectorTranspose}. Each panel's
 * block of Cᵀ builds up in per-thread scratch over depth blocks of {@link VectorGemm#KC} and is
 * transposed into C at the end, again by {@link VectorTranspose}. The last rows of B (fewer than
 * {@link VectorMicroKernel#MR}) are packed, zero-padded, for the packed kernel. Every element of
 * C sums its k terms in a fixed order set by the shape alone.
 */
final class VectorSmallBatchGemm {
    /**
     * Rows of A up to which this path replaces {@link VectorGemm}: four panels. Each panel streams
     * B once more, but below the parallel threshold B fits in L2, and packing B (a transpose) cost
     * more: 128×256×784 took 324–334 µs here against 411–424 µs packed; at 256 rows neither won.
     */
    static final int MAX_ROWS = VectorTiles.WIDTH.smallBatchMaxRows();

    private static final class Scratch {
        float[] panel = new float[0];
        float[] transposed = new float[0];
        final float[] edgeRows = new float[MR * VectorGemm.KC];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private VectorSmallBatchGemm() {
    }

    /** Whether {@link #multiply} serves this shape; a property of the shape alone. */
    static boolean serves(int m, boolean transA, boolean transB) {
        return !transA && transB && m <= MAX_ROWS;
    }

    static void multiply(float[] a, float[] b, float[] c, int m, int n, int k) {
        Scratch scratch = SCRATCH.get();
        int paddedN = (n + MR - 1) / MR * MR;
        if (scratch.panel.length < k * NR) {
            scratch.panel = new float[k * NR];
        }
        if (scratch.transposed.length < paddedN * NR) {
            scratch.transposed = new float[paddedN * NR];
        }
        float[] panel = scratch.panel;
        float[] ct = scratch.transposed;
        for (int i0 = 0; i0 < m; i0 += NR) {
            int rows = Math.min(NR, m - i0);
            packTransposed(a, panel, i0, rows, k);
            Arrays.fill(ct, 0, paddedN * NR, 0f);
            for (int pc = 0; pc < k; pc += VectorGemm.KC) {
                int kc = Math.min(VectorGemm.KC, k - pc);
                int j = 0;
                for (; j + MR <= n; j += MR) {
                    VectorMicroKernel.multiplyAddRows(kc, b, j * k + pc, k, panel, pc * NR, ct, j * NR, NR);
                }
                if (j < n) {
                    packEdgeRows(b, scratch.edgeRows, j, n, k, pc, kc);
                    VectorMicroKernel.multiplyAdd(kc, scratch.edgeRows, 0, panel, pc * NR, ct, j * NR, NR, false);
                }
            }
            VectorTranspose.transpose(ct, 0, NR, c, i0 * n, n, n, rows);
        }
    }

    /** Rows i0..i0+rows-1 of A as {@code panel[p·NR + r] = A[i0 + r][p]}, zero-padded to NR. */
    private static void packTransposed(float[] a, float[] panel, int i0, int rows, int k) {
        VectorTranspose.transpose(a, i0 * k, k, panel, 0, NR, rows, k);
        if (rows < NR) {
            for (int p = 0; p < k; p++) {
                Arrays.fill(panel, p * NR + rows, (p + 1) * NR, 0f);
            }
        }
    }

    /** Rows j..n-1, depth pc..pc+kc-1 of B as {@code edge[p·MR + r]}, zero-padded to MR rows. */
    private static void packEdgeRows(float[] b, float[] edge, int j, int n, int k, int pc, int kc) {
        for (int r = 0; r < MR; r++) {
            int src = (j + r) * k + pc;
            for (int p = 0; p < kc; p++) {
                edge[p * MR + r] = j + r < n ? b[src + p] : 0f;
            }
        }
    }
}
