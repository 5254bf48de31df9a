package org.descent.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 element-wise kernels of {@link VectorKernels} on the preferred species, for the
 * operations the JIT does not vectorize by itself (the others, {@code y += a·x} and the σ and
 * tanh gradients, are {@link ScalarElementwise} loops that C2 already compiles to vector code as
 * fast as this). The elements past the last whole vector get the same float operations in scalar
 * code, so a value never depends on its position, and masked operations (slow and allocating on
 * JDK 17) are never needed.
 *
 * <p>exp, σ and tanh stay scalar ({@link ScalarElementwise}, float64 rounded to float): the
 * Vector API's own EXP/TANH changed by an ulp once C2 compiled them, so a resumed run differed
 * from an uninterrupted one, and an exact polynomial version saved only about 2 µs per step.
 */
final class VectorElementwise {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final FloatVector ZERO = FloatVector.zero(SPECIES);

    private VectorElementwise() {
    }

    static void addBias(float[] z, float[] bias, int rows, int cols) {
        int whole = SPECIES.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            int j = 0;
            for (; j < whole; j += LANES) {
                FloatVector.fromArray(SPECIES, z, row + j).add(FloatVector.fromArray(SPECIES, bias, j)).intoArray(z, row + j);
            }
            for (; j < cols; j++) {
                z[row + j] += bias[j];
            }
        }
    }

    static void relu(float[] x, float[] y, int n) {
        int i = 0;
        for (int whole = SPECIES.loopBound(n); i < whole; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, i);
            // Keeps v where v > 0; NaN and −0 fail the test and become +0.
            ZERO.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = x[i] > 0 ? x[i] : 0f;
        }
    }

    static void reluGradient(float[] g, float[] z, float[] d, int n) {
        int i = 0;
        for (int whole = SPECIES.loopBound(n); i < whole; i += LANES) {
            VectorMask<Float> open = FloatVector.fromArray(SPECIES, z, i).compare(VectorOperators.GE, 0f);
            ZERO.blend(FloatVector.fromArray(SPECIES, g, i), open).intoArray(d, i);
        }
        for (; i < n; i++) {
            d[i] = z[i] >= 0 ? g[i] : 0f;
        }
    }

    static void columnSums(float[] x, float[] sums, int rows, int cols) {
        int j = 0;
        // One vector of columns at a time, its accumulator in a register, rows added in order. (The
        // accumulator starts from a new zero, not the constant ZERO, which C2 would box every row.)
        for (int whole = SPECIES.loopBound(cols); j < whole; j += LANES) {
            FloatVector sum = FloatVector.zero(SPECIES);
            for (int r = 0; r < rows; r++) {
                sum = sum.add(FloatVector.fromArray(SPECIES, x, r * cols + j));
            }
            sum.intoArray(sums, j);
        }
        for (; j < cols; j++) {
            float sum = 0f;
            for (int r = 0; r < rows; r++) {
                sum += x[r * cols + j];
            }
            sums[j] = sum;
        }
    }
}
