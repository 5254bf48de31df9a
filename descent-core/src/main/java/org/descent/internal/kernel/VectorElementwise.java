package org.descent.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 element-wise kernels of {@link VectorKernels} on the preferred species, for the
 * operations the JIT does not vectorize by itself (the others, {@code y += a·x} and the σ and
 * tanh gradients, are {@link ScalarElementwise} loops that C2 already compiles to vector code as
 * fast as this). The elements past the last whole vector get the same float operations in scalar
 * code ({@link VectorMath}'s scalar twins for exp, σ and tanh), so a value never depends on its
 * position, and masked operations (slow and allocating on JDK 17) are never needed.
 */
final class VectorElementwise {
    private static final VectorSpecies<Float> SPECIES = VectorTiles.SPECIES;
    private static final int LANES = SPECIES.length();
    private static final FloatVector ZERO = FloatVector.zero(SPECIES);
    private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);
    private static final FloatVector TWO = FloatVector.broadcast(SPECIES, 2f);

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
            exp(x, i, y);
        }
        for (; i < n; i++) {
            y[i] = VectorMath.exp(x[i]);
        }
    }

    static void sigmoid(float[] x, float[] y, int n) {
        int i = 0;
        for (int whole = SPECIES.loopBound(n); i < whole; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, i);
            v.abs().neg().intoArray(y, i);
            exp(y, i, y);
            FloatVector t = FloatVector.fromArray(SPECIES, y, i);
            ONE.blend(t, v.compare(VectorOperators.LT, 0f)).div(t.add(1f)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = VectorMath.sigmoid(x[i]);
        }
    }

    static void tanh(float[] x, float[] y, int n) {
        int i = 0;
        for (int whole = SPECIES.loopBound(n); i < whole; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, i);
            FloatVector a = v.abs();
            a.add(a).intoArray(y, i);
            exp(y, i, y);
            FloatVector z = v.mul(v);
            FloatVector small = z.mul(VectorMath.Q0).add(VectorMath.Q1).mul(z).add(VectorMath.Q2).mul(z)
                    .add(VectorMath.Q3).mul(z).add(VectorMath.Q4).mul(z).mul(v).add(v);
            FloatVector large = ONE.sub(TWO.div(FloatVector.fromArray(SPECIES, y, i).add(1f)));
            large = large.blend(large.neg(), v.compare(VectorOperators.LT, 0f));
            large.blend(small, a.compare(VectorOperators.LT, VectorMath.TANH_SMALL)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = VectorMath.tanh(x[i]);
        }
    }

    /**
     * {@code y[i + j] = e^x[i + j]} for one vector, as {@link VectorMath#exp(float)} lane by lane.
     * Arrays in and out, not vectors: this method is called once per vector, so C2 may compile it
     * on its own before the loops that call it, and then no longer inlines it; a vector passed
     * into or out of it would be boxed on every call.
     */
    private static void exp(float[] in, int i, float[] y) {
        FloatVector x = FloatVector.fromArray(SPECIES, in, i);
        FloatVector c = x.blend(VectorMath.MAX_ARGUMENT, x.compare(VectorOperators.GT, VectorMath.MAX_ARGUMENT));
        c = c.blend(VectorMath.MIN_ARGUMENT, c.compare(VectorOperators.LT, VectorMath.MIN_ARGUMENT));
        FloatVector t = c.mul(VectorMath.LOG2E).add(VectorMath.ROUNDER);
        FloatVector n = t.sub(VectorMath.ROUNDER);
        FloatVector r = c.sub(n.mul(VectorMath.LN2_HIGH)).sub(n.mul(VectorMath.LN2_LOW));
        FloatVector p = r.mul(VectorMath.P0).add(VectorMath.P1).mul(r).add(VectorMath.P2).mul(r).add(VectorMath.P3)
                .mul(r).add(VectorMath.P4).mul(r).add(VectorMath.P5);
        FloatVector e = p.mul(r.mul(r)).add(r).add(1f);
        IntVector k = t.reinterpretAsInts().sub(VectorMath.ROUNDER_BITS);
        IntVector half = k.lanewise(VectorOperators.ASHR, 1);
        FloatVector scaleHalf = half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector scaleRest = k.sub(half).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        e.mul(scaleHalf).mul(scaleRest).intoArray(y, i);
    }
}
