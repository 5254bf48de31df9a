package org.descent.nn;

import org.descent.tensor.Tensor;

/**
 * The one element-wise pass of {@link BatchNorm1d}'s forward and backward over (N, C) row-major
 * arrays: a per-column affine map of one or two inputs, with an optional ReLU after it or a ReLU
 * mask on its first term. float32 in float (one inner loop per case, the dtype and case chosen
 * outside it), float64 in double.
 */
final class ColumnAffine {
    private ColumnAffine() {
    }

    /**
     * out[r, j] = a[j] (p[r, j] − pm[j]) + b[j] (q[r, j] − qm[j]) + k[j] (pm null: 0; q null: no b term),
     * then, if {@code relu}, max(0, ·); where {@code mask} is given, the a term counts only where
     * mask[r, j] > 0 (p is a gradient through a fused ReLU whose output is the mask).
     * Centring before scaling keeps float32 exact to its rounding when the means are large.
     */
    static void apply(Tensor p, double[] a, double[] pm, Tensor q, double[] b, double[] qm, double[] k,
            Tensor out, int n, int c, boolean relu, Tensor mask) {
        double[] zero = new double[c];
        pm = pm == null ? zero : pm;
        float[] of = out.floatData();
        if (of != null) {
            float[] pf = p.floatData();
            float[] qf = q == null ? null : q.floatData();
            float[] mf = mask == null ? null : mask.floatData();
            float[] af = toFloats(a);
            float[] pmf = toFloats(pm);
            float[] bf = q == null ? null : toFloats(b);
            float[] qmf = q == null ? null : toFloats(qm);
            float[] kf = toFloats(k);
            for (int r = 0; r < n; r++) {
                int o = r * c;
                if (mf != null && qf != null) {
                    for (int j = 0; j < c; j++) {
                        float v = bf[j] * (qf[o + j] - qmf[j]) + kf[j];
                        of[o + j] = v + passed(af[j] * (pf[o + j] - pmf[j]), mf[o + j]);
                    }
                } else if (mf != null) {
                    for (int j = 0; j < c; j++) {
                        of[o + j] = passed(af[j] * (pf[o + j] - pmf[j]), mf[o + j]) + kf[j];
                    }
                } else if (qf != null) {
                    for (int j = 0; j < c; j++) {
                        of[o + j] = af[j] * (pf[o + j] - pmf[j]) + bf[j] * (qf[o + j] - qmf[j]) + kf[j];
                    }
                } else if (relu) {
                    for (int j = 0; j < c; j++) {
                        of[o + j] = Math.max(af[j] * (pf[o + j] - pmf[j]) + kf[j], 0f);
                    }
                } else {
                    for (int j = 0; j < c; j++) {
                        of[o + j] = af[j] * (pf[o + j] - pmf[j]) + kf[j];
                    }
                }
                if (relu && (mf != null || qf != null)) {
                    for (int j = 0; j < c; j++) {
                        of[o + j] = Math.max(of[o + j], 0f);
                    }
                }
            }
            return;
        }
        double[] pd = p.doubleData();
        double[] od = out.doubleData();
        double[] qd = q == null ? null : q.doubleData();
        double[] md = mask == null ? null : mask.doubleData();
        for (int r = 0; r < n; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                double v = (md != null && !(md[o + j] > 0) ? 0 : a[j] * (pd[o + j] - pm[j])) + k[j]
                        + (qd == null ? 0 : b[j] * (qd[o + j] - qm[j]));
                od[o + j] = relu ? Math.max(v, 0) : v;
            }
        }
    }

    /**
     * {@code value} where the ReLU output {@code relu} is positive, else 0, without a branch (the
     * signs of a ReLU's inputs are a coin toss to the branch predictor): a ReLU output is +0 or
     * positive, so its bits are 0 or a positive int, and {@code (−bits) >> 31} is 0 or all ones.
     */
    static float passed(float value, float relu) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(value) & (-Float.floatToRawIntBits(relu) >> 31));
    }

    private static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int j = 0; j < f.length; j++) {
            f[j] = (float) values[j];
        }
        return f;
    }

}
