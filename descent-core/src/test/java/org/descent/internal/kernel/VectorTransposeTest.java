package org.descent.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class VectorTransposeTest {
    /** Sizes around the 4×4, 8×8 and 16×16 register blocks (one per width): empty, single, block ± 1, two blocks ± 1. */
    private static final int[] SIZES = {0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 48};

    @Test
    void transposesEveryBlockShapeWithStridesAndOffsets() {
        for (int rows : SIZES) {
            for (int cols : SIZES) {
                check(rows, cols, 3, cols + 5, 7, rows + 2);
                check(rows, cols, 0, Math.max(cols, 1), 0, Math.max(rows, 1));
            }
        }
    }

    /** A full MR-row panel, as VectorGemm packs A: every depth count around the register blocks, with offsets. */
    @Test
    void packsAPanelOfTheTileRowsAtEveryDepth() {
        int mr = VectorMicroKernel.MR;
        for (int cols : SIZES) {
            float[] src = new float[3 + mr * (cols + 5) + 1];
            for (int i = 0; i < src.length; i++) {
                src[i] = i + 0.5f;
            }
            float[] expected = new float[7 + cols * mr + 1];
            float[] actual = new float[expected.length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = -i;
                actual[i] = -i;
            }
            for (int r = 0; r < mr; r++) {
                for (int c = 0; c < cols; c++) {
                    expected[7 + c * mr + r] = src[3 + r * (cols + 5) + c];
                }
            }
            VectorTranspose.panel(src, 3, cols + 5, actual, 7, cols);
            assertArrayEquals(expected, actual, mr + "-row panel, " + cols + " deep");
        }
    }

    /** Copies exactly the rows×cols block: the surrounding destination elements keep their values. */
    private static void check(int rows, int cols, int sOff, int lds, int dOff, int ldd) {
        float[] src = new float[sOff + rows * lds + 1];
        for (int i = 0; i < src.length; i++) {
            src[i] = i + 0.5f;
        }
        int dstSize = dOff + cols * ldd + 1;
        float[] expected = new float[dstSize];
        float[] actual = new float[dstSize];
        for (int i = 0; i < dstSize; i++) {
            expected[i] = -i;
            actual[i] = -i;
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                expected[dOff + c * ldd + r] = src[sOff + r * lds + c];
            }
        }
        VectorTranspose.transpose(src, sOff, lds, actual, dOff, ldd, rows, cols);
        assertArrayEquals(expected, actual, rows + "x" + cols + " lds=" + lds + " ldd=" + ldd);
    }
}
