package org.descent.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Transposes float blocks for {@link VectorSmallBatchGemm}: {@code dst[dOff + c·ldd + r] =
 * src[sOff + r·lds + c]} for an rows×cols block. Where the preferred species has 16 lanes
 * (AVX-512), each full 16×16 block is transposed in registers: 16 row loads, four butterfly
 * stages and 16 row stores, about three times faster than the element loop, whose stores go to
 * 16 different cache lines per source row. Stage h swaps the off-diagonal h×h sub-blocks of each
 * 2h×2h block: for rows q and q + h (q without bit h),
 * {@code q'[l] = l∧h ? (q+h)[l−h] : q[l]} and {@code (q+h)'[l] = l∧h ? (q+h)[l] : q[l+h]}, a lane
 * swap {@code l ↦ l⊕h} and a blend; after h = 8, 4, 2, 1 row q holds column q. Partial blocks and
 * other species take the element loop. A pure copy, so results do not depend on which way ran.
 */
final class VectorTranspose {
    private static final VectorSpecies<Float> SPECIES = VectorMicroKernel.SPECIES;
    /** Side of the register-transposed block. */
    static final int BLOCK = 16;
    private static final boolean IN_REGISTERS = SPECIES.length() == BLOCK;
    private static final VectorShuffle<Float> SWAP8 = swap(8);
    private static final VectorShuffle<Float> SWAP4 = swap(4);
    private static final VectorShuffle<Float> SWAP2 = swap(2);
    private static final VectorShuffle<Float> SWAP1 = swap(1);
    private static final VectorMask<Float> BIT8 = bit(8);
    private static final VectorMask<Float> BIT4 = bit(4);
    private static final VectorMask<Float> BIT2 = bit(2);
    private static final VectorMask<Float> BIT1 = bit(1);

    private VectorTranspose() {
    }

    /** The rows×cols block at {@code src[sOff]} (row stride lds), transposed into {@code dst[dOff]} (row stride ldd). */
    static void transpose(float[] src, int sOff, int lds, float[] dst, int dOff, int ldd, int rows, int cols) {
        int r0 = 0;
        if (IN_REGISTERS) {
            for (; r0 + BLOCK <= rows; r0 += BLOCK) {
                int c0 = 0;
                for (; c0 + BLOCK <= cols; c0 += BLOCK) {
                    block(src, sOff + r0 * lds + c0, lds, dst, dOff + c0 * ldd + r0, ldd);
                }
                elements(src, sOff + r0 * lds + c0, lds, dst, dOff + c0 * ldd + r0, ldd, BLOCK, cols - c0);
            }
        }
        elements(src, sOff + r0 * lds, lds, dst, dOff + r0, ldd, rows - r0, cols);
    }

    private static void elements(float[] src, int sOff, int lds, float[] dst, int dOff, int ldd, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[dOff + c * ldd + r] = src[sOff + r * lds + c];
            }
        }
    }

    /**
     * One 16×16 block in registers. Written out: the 16 rows must stay in registers, and a helper
     * taking vectors that C2 does not inline would receive them boxed.
     */
    private static void block(float[] src, int sOff, int lds, float[] dst, int dOff, int ldd) {
        FloatVector r0 = FloatVector.fromArray(SPECIES, src, sOff + 0 * lds);
        FloatVector r1 = FloatVector.fromArray(SPECIES, src, sOff + 1 * lds);
        FloatVector r2 = FloatVector.fromArray(SPECIES, src, sOff + 2 * lds);
        FloatVector r3 = FloatVector.fromArray(SPECIES, src, sOff + 3 * lds);
        FloatVector r4 = FloatVector.fromArray(SPECIES, src, sOff + 4 * lds);
        FloatVector r5 = FloatVector.fromArray(SPECIES, src, sOff + 5 * lds);
        FloatVector r6 = FloatVector.fromArray(SPECIES, src, sOff + 6 * lds);
        FloatVector r7 = FloatVector.fromArray(SPECIES, src, sOff + 7 * lds);
        FloatVector r8 = FloatVector.fromArray(SPECIES, src, sOff + 8 * lds);
        FloatVector r9 = FloatVector.fromArray(SPECIES, src, sOff + 9 * lds);
        FloatVector r10 = FloatVector.fromArray(SPECIES, src, sOff + 10 * lds);
        FloatVector r11 = FloatVector.fromArray(SPECIES, src, sOff + 11 * lds);
        FloatVector r12 = FloatVector.fromArray(SPECIES, src, sOff + 12 * lds);
        FloatVector r13 = FloatVector.fromArray(SPECIES, src, sOff + 13 * lds);
        FloatVector r14 = FloatVector.fromArray(SPECIES, src, sOff + 14 * lds);
        FloatVector r15 = FloatVector.fromArray(SPECIES, src, sOff + 15 * lds);
        FloatVector t;
        t = r0.blend(r8.rearrange(SWAP8), BIT8);
        r8 = r0.rearrange(SWAP8).blend(r8, BIT8);
        r0 = t;
        t = r1.blend(r9.rearrange(SWAP8), BIT8);
        r9 = r1.rearrange(SWAP8).blend(r9, BIT8);
        r1 = t;
        t = r2.blend(r10.rearrange(SWAP8), BIT8);
        r10 = r2.rearrange(SWAP8).blend(r10, BIT8);
        r2 = t;
        t = r3.blend(r11.rearrange(SWAP8), BIT8);
        r11 = r3.rearrange(SWAP8).blend(r11, BIT8);
        r3 = t;
        t = r4.blend(r12.rearrange(SWAP8), BIT8);
        r12 = r4.rearrange(SWAP8).blend(r12, BIT8);
        r4 = t;
        t = r5.blend(r13.rearrange(SWAP8), BIT8);
        r13 = r5.rearrange(SWAP8).blend(r13, BIT8);
        r5 = t;
        t = r6.blend(r14.rearrange(SWAP8), BIT8);
        r14 = r6.rearrange(SWAP8).blend(r14, BIT8);
        r6 = t;
        t = r7.blend(r15.rearrange(SWAP8), BIT8);
        r15 = r7.rearrange(SWAP8).blend(r15, BIT8);
        r7 = t;
        t = r0.blend(r4.rearrange(SWAP4), BIT4);
        r4 = r0.rearrange(SWAP4).blend(r4, BIT4);
        r0 = t;
        t = r1.blend(r5.rearrange(SWAP4), BIT4);
        r5 = r1.rearrange(SWAP4).blend(r5, BIT4);
        r1 = t;
        t = r2.blend(r6.rearrange(SWAP4), BIT4);
        r6 = r2.rearrange(SWAP4).blend(r6, BIT4);
        r2 = t;
        t = r3.blend(r7.rearrange(SWAP4), BIT4);
        r7 = r3.rearrange(SWAP4).blend(r7, BIT4);
        r3 = t;
        t = r8.blend(r12.rearrange(SWAP4), BIT4);
        r12 = r8.rearrange(SWAP4).blend(r12, BIT4);
        r8 = t;
        t = r9.blend(r13.rearrange(SWAP4), BIT4);
        r13 = r9.rearrange(SWAP4).blend(r13, BIT4);
        r9 = t;
        t = r10.blend(r14.rearrange(SWAP4), BIT4);
        r14 = r10.rearrange(SWAP4).blend(r14, BIT4);
        r10 = t;
        t = r11.blend(r15.rearrange(SWAP4), BIT4);
        r15 = r11.rearrange(SWAP4).blend(r15, BIT4);
        r11 = t;
        t = r0.blend(r2.rearrange(SWAP2), BIT2);
        r2 = r0.rearrange(SWAP2).blend(r2, BIT2);
        r0 = t;
        t = r1.blend(r3.rearrange(SWAP2), BIT2);
        r3 = r1.rearrange(SWAP2).blend(r3, BIT2);
        r1 = t;
        t = r4.blend(r6.rearrange(SWAP2), BIT2);
        r6 = r4.rearrange(SWAP2).blend(r6, BIT2);
        r4 = t;
        t = r5.blend(r7.rearrange(SWAP2), BIT2);
        r7 = r5.rearrange(SWAP2).blend(r7, BIT2);
        r5 = t;
        t = r8.blend(r10.rearrange(SWAP2), BIT2);
        r10 = r8.rearrange(SWAP2).blend(r10, BIT2);
        r8 = t;
        t = r9.blend(r11.rearrange(SWAP2), BIT2);
        r11 = r9.rearrange(SWAP2).blend(r11, BIT2);
        r9 = t;
        t = r12.blend(r14.rearrange(SWAP2), BIT2);
        r14 = r12.rearrange(SWAP2).blend(r14, BIT2);
        r12 = t;
        t = r13.blend(r15.rearrange(SWAP2), BIT2);
        r15 = r13.rearrange(SWAP2).blend(r15, BIT2);
        r13 = t;
        t = r0.blend(r1.rearrange(SWAP1), BIT1);
        r1 = r0.rearrange(SWAP1).blend(r1, BIT1);
        r0 = t;
        t = r2.blend(r3.rearrange(SWAP1), BIT1);
        r3 = r2.rearrange(SWAP1).blend(r3, BIT1);
        r2 = t;
        t = r4.blend(r5.rearrange(SWAP1), BIT1);
        r5 = r4.rearrange(SWAP1).blend(r5, BIT1);
        r4 = t;
        t = r6.blend(r7.rearrange(SWAP1), BIT1);
        r7 = r6.rearrange(SWAP1).blend(r7, BIT1);
        r6 = t;
        t = r8.blend(r9.rearrange(SWAP1), BIT1);
        r9 = r8.rearrange(SWAP1).blend(r9, BIT1);
        r8 = t;
        t = r10.blend(r11.rearrange(SWAP1), BIT1);
        r11 = r10.rearrange(SWAP1).blend(r11, BIT1);
        r10 = t;
        t = r12.blend(r13.rearrange(SWAP1), BIT1);
        r13 = r12.rearrange(SWAP1).blend(r13, BIT1);
        r12 = t;
        t = r14.blend(r15.rearrange(SWAP1), BIT1);
        r15 = r14.rearrange(SWAP1).blend(r15, BIT1);
        r14 = t;
        r0.intoArray(dst, dOff + 0 * ldd);
        r1.intoArray(dst, dOff + 1 * ldd);
        r2.intoArray(dst, dOff + 2 * ldd);
        r3.intoArray(dst, dOff + 3 * ldd);
        r4.intoArray(dst, dOff + 4 * ldd);
        r5.intoArray(dst, dOff + 5 * ldd);
        r6.intoArray(dst, dOff + 6 * ldd);
        r7.intoArray(dst, dOff + 7 * ldd);
        r8.intoArray(dst, dOff + 8 * ldd);
        r9.intoArray(dst, dOff + 9 * ldd);
        r10.intoArray(dst, dOff + 10 * ldd);
        r11.intoArray(dst, dOff + 11 * ldd);
        r12.intoArray(dst, dOff + 12 * ldd);
        r13.intoArray(dst, dOff + 13 * ldd);
        r14.intoArray(dst, dOff + 14 * ldd);
        r15.intoArray(dst, dOff + 15 * ldd);
    }

    /** Lane l ↦ l ⊕ h. */
    private static VectorShuffle<Float> swap(int h) {
        return VectorShuffle.fromOp(SPECIES, l -> l ^ h);
    }

    /** Lanes whose index has bit h set. */
    private static VectorMask<Float> bit(int h) {
        boolean[] set = new boolean[SPECIES.length()];
        for (int l = 0; l < set.length; l++) {
            set[l] = (l & h) != 0;
        }
        return VectorMask.fromArray(SPECIES, set, 0);
    }
}
