package org.descent.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tile of {@link VectorGemm}: an {@value #MR}×(2·lanes) block of C kept in 16
 * vector registers while {@code kc} rank-one updates stream through it,
 * {@code C[r][j] += Σ_p A[r][p] · B[p][j]}, with A packed as {@code ap[p·MR + r]} and B as
 * {@code bp[p·NR + j]}. Every element of C sees the same sequence of fused multiply-adds
 * whatever the tile or thread it falls in, which is what makes results thread-count independent.
 * The three variants differ only in where A and B are read from. Each is unrolled by hand, 16
 * named accumulators and 8 broadcasts per depth step: C2 keeps named vector locals in registers,
 * while an array of vectors or a loop over rows would make it box them.
 */
final class VectorMicroKernel {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** Rows of the register tile. */
    static final int MR = 8;
    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * LANES;

    private VectorMicroKernel() {
    }

    /**
     * Adds the product to the tile at {@code c[cOff]} (row stride {@code ldc}), or with
     * {@code overwrite} stores it there, so the first depth block needs no zeroed C and does not
     * read it. The one branch sits after the loop; both arms are taken in any training step, so
     * C2 compiles both. The stores are written out rather than put in a helper: a helper that is
     * not inlined receives its vectors boxed, which costs an order of magnitude.
     */
    static void multiplyAdd(int kc, float[] ap, int aOff, float[] bp, int bOff, float[] c, int cOff, int ldc,
            boolean overwrite) {
        FloatVector z = FloatVector.zero(SPECIES);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        FloatVector c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        int ai = aOff;
        int bi = bOff;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, bi);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bp, bi + LANES);
            FloatVector a = FloatVector.broadcast(SPECIES, ap[ai]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(SPECIES, ap[ai + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(SPECIES, ap[ai + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(SPECIES, ap[ai + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = FloatVector.broadcast(SPECIES, ap[ai + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = FloatVector.broadcast(SPECIES, ap[ai + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
            a = FloatVector.broadcast(SPECIES, ap[ai + 6]);
            c60 = a.fma(b0, c60);
            c61 = a.fma(b1, c61);
            a = FloatVector.broadcast(SPECIES, ap[ai + 7]);
            c70 = a.fma(b0, c70);
            c71 = a.fma(b1, c71);
            ai += MR;
            bi += NR;
        }
        if (overwrite) {
            int o0 = cOff;
            c00.intoArray(c, o0);
            c01.intoArray(c, o0 + LANES);
            int o1 = cOff + ldc;
            c10.intoArray(c, o1);
            c11.intoArray(c, o1 + LANES);
            int o2 = cOff + 2 * ldc;
            c20.intoArray(c, o2);
            c21.intoArray(c, o2 + LANES);
            int o3 = cOff + 3 * ldc;
            c30.intoArray(c, o3);
            c31.intoArray(c, o3 + LANES);
            int o4 = cOff + 4 * ldc;
            c40.intoArray(c, o4);
            c41.intoArray(c, o4 + LANES);
            int o5 = cOff + 5 * ldc;
            c50.intoArray(c, o5);
            c51.intoArray(c, o5 + LANES);
            int o6 = cOff + 6 * ldc;
            c60.intoArray(c, o6);
            c61.intoArray(c, o6 + LANES);
            int o7 = cOff + 7 * ldc;
            c70.intoArray(c, o7);
            c71.intoArray(c, o7 + LANES);
        } else {
            int o0 = cOff;
            c00.add(FloatVector.fromArray(SPECIES, c, o0)).intoArray(c, o0);
            c01.add(FloatVector.fromArray(SPECIES, c, o0 + LANES)).intoArray(c, o0 + LANES);
            int o1 = cOff + ldc;
            c10.add(FloatVector.fromArray(SPECIES, c, o1)).intoArray(c, o1);
            c11.add(FloatVector.fromArray(SPECIES, c, o1 + LANES)).intoArray(c, o1 + LANES);
            int o2 = cOff + 2 * ldc;
            c20.add(FloatVector.fromArray(SPECIES, c, o2)).intoArray(c, o2);
            c21.add(FloatVector.fromArray(SPECIES, c, o2 + LANES)).intoArray(c, o2 + LANES);
            int o3 = cOff + 3 * ldc;
            c30.add(FloatVector.fromArray(SPECIES, c, o3)).intoArray(c, o3);
            c31.add(FloatVector.fromArray(SPECIES, c, o3 + LANES)).intoArray(c, o3 + LANES);
            int o4 = cOff + 4 * ldc;
            c40.add(FloatVector.fromArray(SPECIES, c, o4)).intoArray(c, o4);
            c41.add(FloatVector.fromArray(SPECIES, c, o4 + LANES)).intoArray(c, o4 + LANES);
            int o5 = cOff + 5 * ldc;
            c50.add(FloatVector.fromArray(SPECIES, c, o5)).intoArray(c, o5);
            c51.add(FloatVector.fromArray(SPECIES, c, o5 + LANES)).intoArray(c, o5 + LANES);
            int o6 = cOff + 6 * ldc;
            c60.add(FloatVector.fromArray(SPECIES, c, o6)).intoArray(c, o6);
            c61.add(FloatVector.fromArray(SPECIES, c, o6 + LANES)).intoArray(c, o6 + LANES);
            int o7 = cOff + 7 * ldc;
            c70.add(FloatVector.fromArray(SPECIES, c, o7)).intoArray(c, o7);
            c71.add(FloatVector.fromArray(SPECIES, c, o7 + LANES)).intoArray(c, o7 + LANES);
        }
    }

    /**
     * {@link #multiplyAdd} with the rows of A read where they lie instead of packed: row r of the
     * tile is {@code a[aOff + r·lda + p]}, p = 0..kc-1. For a product whose broadcast operand is
     * contiguous along the depth and used only once (the weights in {@code x·Wᵀ} at small batch),
     * this saves packing it.
     */
    static void multiplyAddRows(int kc, float[] a, int aOff, int lda, float[] bp, int bOff, float[] c, int cOff, int ldc) {
        FloatVector z = FloatVector.zero(SPECIES);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        FloatVector c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        int a0 = aOff;
        int a1 = aOff + lda;
        int a2 = aOff + 2 * lda;
        int a3 = aOff + 3 * lda;
        int a4 = aOff + 4 * lda;
        int a5 = aOff + 5 * lda;
        int a6 = aOff + 6 * lda;
        int a7 = aOff + 7 * lda;
        int bi = bOff;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, bi);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bp, bi + LANES);
            FloatVector w = FloatVector.broadcast(SPECIES, a[a0 + p]);
            c00 = w.fma(b0, c00);
            c01 = w.fma(b1, c01);
            w = FloatVector.broadcast(SPECIES, a[a1 + p]);
            c10 = w.fma(b0, c10);
            c11 = w.fma(b1, c11);
            w = FloatVector.broadcast(SPECIES, a[a2 + p]);
            c20 = w.fma(b0, c20);
            c21 = w.fma(b1, c21);
            w = FloatVector.broadcast(SPECIES, a[a3 + p]);
            c30 = w.fma(b0, c30);
            c31 = w.fma(b1, c31);
            w = FloatVector.broadcast(SPECIES, a[a4 + p]);
            c40 = w.fma(b0, c40);
            c41 = w.fma(b1, c41);
            w = FloatVector.broadcast(SPECIES, a[a5 + p]);
            c50 = w.fma(b0, c50);
            c51 = w.fma(b1, c51);
            w = FloatVector.broadcast(SPECIES, a[a6 + p]);
            c60 = w.fma(b0, c60);
            c61 = w.fma(b1, c61);
            w = FloatVector.broadcast(SPECIES, a[a7 + p]);
            c70 = w.fma(b0, c70);
            c71 = w.fma(b1, c71);
            bi += NR;
        }
        int o0 = cOff;
        c00.add(FloatVector.fromArray(SPECIES, c, o0)).intoArray(c, o0);
        c01.add(FloatVector.fromArray(SPECIES, c, o0 + LANES)).intoArray(c, o0 + LANES);
        int o1 = cOff + ldc;
        c10.add(FloatVector.fromArray(SPECIES, c, o1)).intoArray(c, o1);
        c11.add(FloatVector.fromArray(SPECIES, c, o1 + LANES)).intoArray(c, o1 + LANES);
        int o2 = cOff + 2 * ldc;
        c20.add(FloatVector.fromArray(SPECIES, c, o2)).intoArray(c, o2);
        c21.add(FloatVector.fromArray(SPECIES, c, o2 + LANES)).intoArray(c, o2 + LANES);
        int o3 = cOff + 3 * ldc;
        c30.add(FloatVector.fromArray(SPECIES, c, o3)).intoArray(c, o3);
        c31.add(FloatVector.fromArray(SPECIES, c, o3 + LANES)).intoArray(c, o3 + LANES);
        int o4 = cOff + 4 * ldc;
        c40.add(FloatVector.fromArray(SPECIES, c, o4)).intoArray(c, o4);
        c41.add(FloatVector.fromArray(SPECIES, c, o4 + LANES)).intoArray(c, o4 + LANES);
        int o5 = cOff + 5 * ldc;
        c50.add(FloatVector.fromArray(SPECIES, c, o5)).intoArray(c, o5);
        c51.add(FloatVector.fromArray(SPECIES, c, o5 + LANES)).intoArray(c, o5 + LANES);
        int o6 = cOff + 6 * ldc;
        c60.add(FloatVector.fromArray(SPECIES, c, o6)).intoArray(c, o6);
        c61.add(FloatVector.fromArray(SPECIES, c, o6 + LANES)).intoArray(c, o6 + LANES);
        int o7 = cOff + 7 * ldc;
        c70.add(FloatVector.fromArray(SPECIES, c, o7)).intoArray(c, o7);
        c71.add(FloatVector.fromArray(SPECIES, c, o7 + LANES)).intoArray(c, o7 + LANES);
    }

    /**
     * Stores {@code C[r][j] = Σ_p A(r, p) · b[bOff + p·ldb + j]} (r &lt; MR, j &lt; NR) into
     * {@code c[cOff + r·ldc + j]}, with both operands read where they lie:
     * {@code A(r, p) = a[aOff + r·rowStride + p·depthStride]} (row-major A or a transposed one) and
     * B's rows at stride ldb. Rows from {@code rows} on repeat row rows − 1: they compute the same
     * sums in the same order and store the same values to the same places, so a short tile needs
     * no edge copy. For products too small to repay packing (see {@link VectorDirectGemm}).
     */
    static void multiplyStrided(int kc, float[] a, int aOff, int rowStride, int depthStride, int rows,
            float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        FloatVector z = FloatVector.zero(SPECIES);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        FloatVector c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        int a0 = aOff + Math.min(0, rows - 1) * rowStride;
        int a1 = aOff + Math.min(1, rows - 1) * rowStride;
        int a2 = aOff + Math.min(2, rows - 1) * rowStride;
        int a3 = aOff + Math.min(3, rows - 1) * rowStride;
        int a4 = aOff + Math.min(4, rows - 1) * rowStride;
        int a5 = aOff + Math.min(5, rows - 1) * rowStride;
        int a6 = aOff + Math.min(6, rows - 1) * rowStride;
        int a7 = aOff + Math.min(7, rows - 1) * rowStride;
        int q = 0;
        int bi = bOff;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bi);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bi + LANES);
            FloatVector w = FloatVector.broadcast(SPECIES, a[a0 + q]);
            c00 = w.fma(b0, c00);
            c01 = w.fma(b1, c01);
            w = FloatVector.broadcast(SPECIES, a[a1 + q]);
            c10 = w.fma(b0, c10);
            c11 = w.fma(b1, c11);
            w = FloatVector.broadcast(SPECIES, a[a2 + q]);
            c20 = w.fma(b0, c20);
            c21 = w.fma(b1, c21);
            w = FloatVector.broadcast(SPECIES, a[a3 + q]);
            c30 = w.fma(b0, c30);
            c31 = w.fma(b1, c31);
            w = FloatVector.broadcast(SPECIES, a[a4 + q]);
            c40 = w.fma(b0, c40);
            c41 = w.fma(b1, c41);
            w = FloatVector.broadcast(SPECIES, a[a5 + q]);
            c50 = w.fma(b0, c50);
            c51 = w.fma(b1, c51);
            w = FloatVector.broadcast(SPECIES, a[a6 + q]);
            c60 = w.fma(b0, c60);
            c61 = w.fma(b1, c61);
            w = FloatVector.broadcast(SPECIES, a[a7 + q]);
            c70 = w.fma(b0, c70);
            c71 = w.fma(b1, c71);
            q += depthStride;
            bi += ldb;
        }
        int o0 = cOff + Math.min(0, rows - 1) * ldc;
        c00.intoArray(c, o0);
        c01.intoArray(c, o0 + LANES);
        int o1 = cOff + Math.min(1, rows - 1) * ldc;
        c10.intoArray(c, o1);
        c11.intoArray(c, o1 + LANES);
        int o2 = cOff + Math.min(2, rows - 1) * ldc;
        c20.intoArray(c, o2);
        c21.intoArray(c, o2 + LANES);
        int o3 = cOff + Math.min(3, rows - 1) * ldc;
        c30.intoArray(c, o3);
        c31.intoArray(c, o3 + LANES);
        int o4 = cOff + Math.min(4, rows - 1) * ldc;
        c40.intoArray(c, o4);
        c41.intoArray(c, o4 + LANES);
        int o5 = cOff + Math.min(5, rows - 1) * ldc;
        c50.intoArray(c, o5);
        c51.intoArray(c, o5 + LANES);
        int o6 = cOff + Math.min(6, rows - 1) * ldc;
        c60.intoArray(c, o6);
        c61.intoArray(c, o6 + LANES);
        int o7 = cOff + Math.min(7, rows - 1) * ldc;
        c70.intoArray(c, o7);
        c71.intoArray(c, o7 + LANES);
    }
}
