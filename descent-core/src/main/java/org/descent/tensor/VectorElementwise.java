package org.descent.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 element-wise kernels of {@link VectorKernels} on the preferred species, for the
 * operations the JIT does not vectorize by itself (the others, {@code y += a·x} and the σ and
 * tanh gradients, are {@link ScalarElementwise} loops that C2 already compiles to vector code as
 * fast as this). Operations made of +, −, ×, ÷ and comparisons finish the elements past the last
 * whole vector with the same scalar arithmetic. The transcendental ones ({@code exp}, σ, {@code tanh}) finish them in
 * one more vector over a copy padded to a whole vector, so a value never depends on its position:
 * masked loads would do the same, but on JDK 17 a masked {@code EXP} falls back to a slow path
 * that allocates.
 */
final class VectorElementwise {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final FloatVector ZERO = FloatVector.zero(SPECIES);
    private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);
    /** One vector of scratch per thread for the padded last elements. */
    private static final ThreadLocal<float[]> PAD = ThreadLocal.withInitial(() -> new float[LANES]);

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

    static void exp(float[] x, float[] y, int n) {
        int i = 0;
        for (int whole = SPECIES.loopBound(n); i < whole; i += LANES) {
            FloatVector.fromArray(SPECIES, x, i).lanewise(VectorOperators.EXP).intoArray(y, i);
        }
        if (i < n) {
            float[] pad = padded(x, i, n);
            FloatVector.fromArray(SPECIES, pad, 0).lanewise(VectorOperators.EXP).intoArray(pad, 0);
            System.arraycopy(pad, 0, y, i, n - i);
        }
    }

    static void tanh(float[] x, float[] y, int n) {
        int i = 0;
        for (int whole = SPECIES.loopBound(n); i < whole; i += LANES) {
            FloatVector.fromArray(SPECIES, x, i).lanewise(VectorOperators.TANH).intoArray(y, i);
        }
        if (i < n) {
            float[] pad = padded(x, i, n);
            FloatVector.fromArray(SPECIES, pad, 0).lanewise(VectorOperators.TANH).intoArray(pad, 0);
            System.arraycopy(pad, 0, y, i, n - i);
        }
    }

    static void sigmoid(float[] x, float[] y, int n) {
        int i = 0;
        for (int whole = SPECIES.loopBound(n); i < whole; i += LANES) {
            sigmoid(FloatVector.fromArray(SPECIES, x, i)).intoArray(y, i);
        }
        if (i < n) {
            float[] pad = padded(x, i, n);
            sigmoid(FloatVector.fromArray(SPECIES, pad, 0)).intoArray(pad, 0);
            System.arraycopy(pad, 0, y, i, n - i);
        }
    }

    /** σ(x) = 1/(1 + t) for x ≥ 0 and t/(1 + t) for x &lt; 0, with t = e^−|x| ≤ 1 (no overflow). */
    private static FloatVector sigmoid(FloatVector x) {
        FloatVector t = x.abs().neg().lanewise(VectorOperators.EXP);
        return ONE.blend(t, x.compare(VectorOperators.LT, 0f)).div(t.add(ONE));
    }

    /** This thread's pad holding {@code x[from..n)} at its start (the rest is stale and ignored). */
    private static float[] padded(float[] x, int from, int n) {
        float[] pad = PAD.get();
        System.arraycopy(x, from, pad, 0, n - from);
        return pad;
    }
}
