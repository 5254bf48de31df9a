package org.descent.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The batch-normalization loops of {@link VectorKernels}: {@link ScalarNormalization}'s float
 * operations, in the same order for each element, on the preferred species (a masked ReLU's
 * gradient as a blend where the ReLU output is positive), the columns past the last whole vector
 * in scalar code. The column sums keep one vector of columns in registers over the rows, adding
 * the rows in order as the scalar loop does.
 */
final class VectorNormalization {
    private static final VectorSpecies<Float> SPECIES = VectorTiles.SPECIES;
    private static final int LANES = SPECIES.length();

    private VectorNormalization() {
    }

    static void columnAffine(float[] p, float[] a, float[] pm, float[] k, float[] out, int rows, int cols, boolean relu) {
        int whole = SPECIES.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < whole; j += LANES) {
                FloatVector v = FloatVector.fromArray(SPECIES, p, o + j).sub(FloatVector.fromArray(SPECIES, pm, j))
                        .mul(FloatVector.fromArray(SPECIES, a, j)).add(FloatVector.fromArray(SPECIES, k, j));
                (relu ? v.max(0f) : v).intoArray(out, o + j);
            }
            for (; j < cols; j++) {
                float v = a[j] * (p[o + j] - pm[j]) + k[j];
                out[o + j] = relu ? Math.max(v, 0f) : v;
            }
        }
    }

    static void columnAffineGradient(float[] g, float[] a, float[] x, float[] b, float[] m, float[] k, float[] mask,
            float[] out, int rows, int cols) {
        int whole = SPECIES.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < whole; j += LANES) {
                FloatVector ag = FloatVector.fromArray(SPECIES, g, o + j).mul(FloatVector.fromArray(SPECIES, a, j));
                FloatVector bx = FloatVector.fromArray(SPECIES, x, o + j).sub(FloatVector.fromArray(SPECIES, m, j))
                        .mul(FloatVector.fromArray(SPECIES, b, j));
                FloatVector kv = FloatVector.fromArray(SPECIES, k, j);
                FloatVector v;
                if (mask != null) {
                    FloatVector open = FloatVector.zero(SPECIES)
                            .blend(ag, FloatVector.fromArray(SPECIES, mask, o + j).compare(VectorOperators.GT, 0f));
                    v = bx.add(kv).add(open);
                } else {
                    v = ag.add(bx).add(kv);
                }
                v.intoArray(out, o + j);
            }
            for (; j < cols; j++) {
                out[o + j] = mask != null
                        ? (b[j] * (x[o + j] - m[j]) + k[j]) + ScalarNormalization.passed(a[j] * g[o + j], mask[o + j])
                        : a[j] * g[o + j] + b[j] * (x[o + j] - m[j]) + k[j];
            }
        }
    }

    static void columnGradientSums(float[] g, float[] x, float[] centre, float[] mask, float[] sumG, float[] sumGX,
            int from, int to, int cols) {
        int j = 0;
        for (int whole = SPECIES.loopBound(cols); j < whole; j += LANES) {
            FloatVector c = FloatVector.fromArray(SPECIES, centre, j);
            FloatVector sg = FloatVector.fromArray(SPECIES, sumG, j);
            FloatVector sgx = FloatVector.fromArray(SPECIES, sumGX, j);
            for (int r = from; r < to; r++) {
                int o = r * cols + j;
                FloatVector gv = FloatVector.fromArray(SPECIES, g, o);
                if (mask != null) {
                    gv = FloatVector.zero(SPECIES).blend(gv, FloatVector.fromArray(SPECIES, mask, o).compare(VectorOperators.GT, 0f));
                }
                sg = sg.add(gv);
                sgx = sgx.add(gv.mul(FloatVector.fromArray(SPECIES, x, o).sub(c)));
            }
            sg.intoArray(sumG, j);
            sgx.intoArray(sumGX, j);
        }
        for (; j < cols; j++) {
            for (int r = from; r < to; r++) {
                int o = r * cols + j;
                float gv = mask == null ? g[o] : ScalarNormalization.passed(g[o], mask[o]);
                sumG[j] += gv;
                sumGX[j] += gv * (x[o] - centre[j]);
            }
        }
    }
}
