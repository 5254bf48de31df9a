package org.descent.internal.kernel;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import static org.descent.internal.kernel.VectorMicroKernel.MR;
import static org.descent.internal.kernel.VectorMicroKernel.NR;

/**
 * Blocked float32 GEMM {@code C = op(A) · op(B)} (Goto/BLIS style) around
 * {@link VectorMicroKernel}. op(B) is packed once per call into column panels of width NR,
 * {@link #KC} deep; C is cut into tiles that are computed independently, each packing its rows
 * of op(A) into MR-row panels at all depths at once, a strip kept for the next tile of the same
 * rows, so op(A) too is packed about once per call (repacked per column tile and depth block
 * when large, it cost about a tenth of sgemm n = 2048); the first
 * depth block stores into C, later ones add, so C is never zeroed beforehand. Small products get small tiles
 * ({@link #SMALL_TILE_ROWS}×{@link #SMALL_TILE_COLUMNS}, 64×128 at 512 bits) so that several threads find work;
 * large ones get {@link #LARGE_TILE_ROWS}×{@link #LARGE_TILE_COLUMNS} (from the L2 size, see
 * {@link VectorWidth#of}), so that each packed
 * value of B fetched from L3 or memory feeds more multiply-adds. Transposition is absorbed by the
 * packing (a transposed B through {@link VectorTranspose}), so all four combinations run the same
 * kernel. Tiles depend only on the shape, never on the number of threads, and each element of C
 * sums its k terms in the same order in any tile.
 */
final class VectorGemm {
    /** Depth of a block: a packed A panel (MR×KC) and B panel (KC×NR) stay in L1/L2. */
    static final int KC = VectorTiles.WIDTH.kc();
    static final int SMALL_TILE_ROWS = VectorTiles.WIDTH.smallMc();
    static final int SMALL_TILE_COLUMNS = VectorTiles.WIDTH.smallNc();
    static final int LARGE_TILE_ROWS = VectorTiles.WIDTH.mc();
    static final int LARGE_TILE_COLUMNS = VectorTiles.WIDTH.nc();

    /**
     * Per-thread packing space, grown to the largest product seen and reused, so the steady state
     * allocates nothing. The strip of op(A) packed last is remembered by call and first row, so
     * the next tiles of the same rows (the next ones in row-major order) skip packing it again.
     */
    private static final class Scratch {
        float[] packedA = new float[0];
        final float[] edge = new float[MR * NR];
        final VectorGemm gemm = new VectorGemm();
        float[] packedB = new float[0];
        long stripCall = -1;
        int stripRow = -1;
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    private static final AtomicLong CALLS = new AtomicLong();

    // Set by prepare for each call: a thread reuses one VectorGemm, as a step makes dozens of calls.
    private long call;
    private float[] a;
    private float[] packedB;
    private float[] c;
    private int m;
    private int n;
    private int k;
    private boolean transA;
    private int paddedN;
    private int tileRows;
    private int tileColumns;

    private VectorGemm() {
    }

    /**
     * The calling thread's product, set up for {@code C = op(A) · op(B)} with op(B) packed;
     * {@link #tile(int)} then fills C tile by tile (on any thread, until the next prepare on this one).
     */
    static VectorGemm prepare(float[] a, float[] b, float[] c, int m, int n, int k, boolean transA, boolean transB) {
        VectorGemm gemm = SCRATCH.get().gemm;
        gemm.set(a, b, c, m, n, k, transA, transB);
        return gemm;
    }

    private void set(float[] a, float[] b, float[] c, int m, int n, int k, boolean transA, boolean transB) {
        this.call = CALLS.getAndIncrement();
        this.a = a;
        this.c = c;
        this.m = m;
        this.n = n;
        this.k = k;
        this.transA = transA;
        this.paddedN = (n + NR - 1) / NR * NR;
        boolean large = m >= 2 * LARGE_TILE_ROWS && n >= 2 * LARGE_TILE_COLUMNS;
        this.tileRows = large ? LARGE_TILE_ROWS : SMALL_TILE_ROWS;
        this.tileColumns = large ? LARGE_TILE_COLUMNS : SMALL_TILE_COLUMNS;
        Scratch scratch = SCRATCH.get();
        if (scratch.packedB.length < k * paddedN) {
            scratch.packedB = new float[k * paddedN];
        }
        this.packedB = scratch.packedB;
        packB(b, transB);
    }

    int tileCount() {
        return rowTiles() * columnTiles();
    }

    private int rowTiles() {
        return (m + tileRows - 1) / tileRows;
    }

    private int columnTiles() {
        return (n + tileColumns - 1) / tileColumns;
    }

    /** Computes tile {@code t} (row-major over the tile grid) of C. */
    void tile(int t) {
        Scratch scratch = SCRATCH.get();
        int i0 = t / columnTiles() * tileRows;
        int i1 = Math.min(i0 + tileRows, m);
        int j0 = t % columnTiles() * tileColumns;
        int j1 = Math.min(j0 + tileColumns, n);
        if (scratch.packedA.length < tileRows * k) {
            scratch.packedA = new float[tileRows * k];
        }
        float[] ap = scratch.packedA;
        if (scratch.stripCall != call || scratch.stripRow != i0) {
            for (int pc = 0; pc < k; pc += KC) {
                packA(ap, pc * tileRows, i0, i1, pc, Math.min(KC, k - pc));
            }
            scratch.stripCall = call;
            scratch.stripRow = i0;
        }
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean first = pc == 0;
            int stripOff = pc * tileRows;
            // A row panel (MR × kc, 8 KiB at 512 bits) stays in L1 while the tile's column panels
            // stream past it from L2; the other way round, each B panel (kc × NR, 32 KiB) shared
            // the 48 KiB L1 with the streaming A (sgemm n = 2048: 1.6 % slower, Zen 5).
            for (int i = i0; i < i1; i += MR) {
                int aOff = stripOff + (i - i0) * kc;
                int mr = Math.min(MR, m - i);
                for (int j = j0; j < j1; j += NR) {
                    int bOff = pc * paddedN + j * kc;
                    int nr = Math.min(NR, n - j);
                    if (mr == MR && nr == NR) {
                        VectorMicroKernel.multiplyAdd(kc, ap, aOff, packedB, bOff, c, i * n + j, n, first);
                    } else {
                        VectorMicroKernel.multiplyAdd(kc, ap, aOff, packedB, bOff, scratch.edge, 0, NR, true);
                        merge(scratch.edge, i, j, mr, nr, first);
                    }
                }
            }
        }
    }

    /** Stores ({@code overwrite}) or adds the top-left mr×nr of an edge tile into C at (i, j). */
    private void merge(float[] edge, int i, int j, int mr, int nr, boolean overwrite) {
        for (int r = 0; r < mr; r++) {
            int row = (i + r) * n + j;
            for (int col = 0; col < nr; col++) {
                c[row + col] = overwrite ? edge[r * NR + col] : c[row + col] + edge[r * NR + col];
            }
        }
    }

    /** Rows i0..i1-1, depth pc..pc+kc-1 of op(A) into {@code ap[off + panel·MR·kc + p·MR + r]}, zero-padded. */
    private void packA(float[] ap, int off, int i0, int i1, int pc, int kc) {
        for (int panel = i0; panel < i1; panel += MR) {
            int base = off + (panel - i0) * kc;
            int rows = Math.min(MR, i1 - panel);
            if (transA) {
                for (int p = 0; p < kc; p++) {
                    int src = (pc + p) * m + panel;
                    int dst = base + p * MR;
                    for (int r = 0; r < rows; r++) {
                        ap[dst + r] = a[src + r];
                    }
                    for (int r = rows; r < MR; r++) {
                        ap[dst + r] = 0f;
                    }
                }
            } else if (rows == MR) {
                VectorTranspose.panel(a, panel * k + pc, k, ap, base, kc);
            } else {
                for (int r = 0; r < MR; r++) {
                    int src = (panel + r) * k + pc;
                    for (int p = 0; p < kc; p++) {
                        ap[base + p * MR + r] = r < rows ? a[src + p] : 0f;
                    }
                }
            }
        }
    }

    /** op(B) into depth blocks of column panels: {@code bp[pc·paddedN + j·kc + p·NR + col]}, zero-padded. */
    private void packB(float[] b, boolean transB) {
        float[] bp = packedB;
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            for (int j = 0; j < paddedN; j += NR) {
                int base = pc * paddedN + j * kc;
                int cols = Math.min(NR, n - j);
                if (transB) {
                    VectorTranspose.transpose(b, j * k + pc, k, bp, base, NR, cols, kc);
                    if (cols < NR) {
                        for (int p = 0; p < kc; p++) {
                            Arrays.fill(bp, base + p * NR + cols, base + (p + 1) * NR, 0f);
                        }
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        int src = (pc + p) * n + j;
                        int dst = base + p * NR;
                        System.arraycopy(b, src, bp, dst, cols);
                        for (int col = cols; col < NR; col++) {
                            bp[dst + col] = 0f;
                        }
                    }
                }
            }
        }
    }
}
