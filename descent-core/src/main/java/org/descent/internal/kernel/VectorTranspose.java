package org.descent.internal.kernel;

/**
 * Transposes float blocks for {@link VectorSmallBatchGemm} and {@link VectorGemm}'s packing of a
 * transposed B and of A ({@link #panel}): {@code dst[dOff + c·ldd + r] = src[sOff + r·lds + c]} for an rows×cols block.
 * Each full L×L block (L the lane count: 16 at 512 bits, 8 at 256, 4 at 128) is transposed in
 * registers ({@link VectorTransposeBlocks}: L row loads, log₂ L butterfly stages, L row stores),
 * about three times faster at 16 lanes than the element loop, whose stores go to L different
 * cache lines per source row. Partial blocks take the element loop. A pure copy, so results do
 * not depend on which way ran.
 */
final class VectorTranspose {
    /** Side of the register-transposed block: the lane count. */
    static final int BLOCK = VectorTiles.LANES;

    private VectorTranspose() {
    }

    /** The rows×cols block at {@code src[sOff]} (row stride lds), transposed into {@code dst[dOff]} (row stride ldd). */
    static void transpose(float[] src, int sOff, int lds, float[] dst, int dOff, int ldd, int rows, int cols) {
        int r0 = 0;
        for (; r0 + BLOCK <= rows; r0 += BLOCK) {
            int c0 = 0;
            for (; c0 + BLOCK <= cols; c0 += BLOCK) {
                block(src, sOff + r0 * lds + c0, lds, dst, dOff + c0 * ldd + r0, ldd);
            }
            elements(src, sOff + r0 * lds + c0, lds, dst, dOff + c0 * ldd + r0, ldd, BLOCK, cols - c0);
        }
        elements(src, sOff + r0 * lds, lds, dst, dOff + r0, ldd, rows - r0, cols);
    }

    /**
     * A full panel of {@link VectorMicroKernel#MR} rows at {@code src[sOff]} (row stride lds), cols
     * deep, packed as {@link VectorGemm} packs op(A): {@code dst[dOff + c·MR + r] = src[sOff + r·lds + c]}.
     * In registers when a block fits the panel: 16 depths at a time when MR is half the lane count
     * (8 rows at 16 lanes, {@link VectorTransposeBlocks#panel8of16}), L×L blocks when MR is L; the
     * element loop otherwise (the 6-row tiles) and for the last depths.
     */
    static void panel(float[] src, int sOff, int lds, float[] dst, int dOff, int cols) {
        int mr = VectorMicroKernel.MR;
        if (mr == BLOCK) {
            transpose(src, sOff, lds, dst, dOff, mr, mr, cols);
            return;
        }
        int c0 = 0;
        if (mr == 8 && BLOCK == 16) {
            for (; c0 + BLOCK <= cols; c0 += BLOCK) {
                VectorTransposeBlocks.panel8of16(src, sOff + c0, lds, dst, dOff + c0 * mr);
            }
        }
        elements(src, sOff + c0, lds, dst, dOff + c0 * mr, mr, mr, cols - c0);
    }

    private static void elements(float[] src, int sOff, int lds, float[] dst, int dOff, int ldd, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[dOff + c * ldd + r] = src[sOff + r * lds + c];
            }
        }
    }

    /** One BLOCK×BLOCK block in registers; the choice is a constant the JIT folds. */
    private static void block(float[] src, int sOff, int lds, float[] dst, int dOff, int ldd) {
        if (BLOCK == 16) {
            VectorTransposeBlocks.block16(src, sOff, lds, dst, dOff, ldd);
        } else if (BLOCK == 8) {
            VectorTransposeBlocks.block8(src, sOff, lds, dst, dOff, ldd);
        } else {
            VectorTransposeBlocks.block4(src, sOff, lds, dst, dOff, ldd);
        }
    }
}
