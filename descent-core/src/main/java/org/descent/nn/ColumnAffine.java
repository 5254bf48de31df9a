package org.descent.nn;

import org.descent.internal.kernel.Kernels;
import org.descent.tensor.Tensor;

/**
 * The one element-wise pass of {@link BatchNorm1d}'s forward and backward over (N, C) row-major
 * arrays: a per-column affine map of one or two inputs, with an optional ReLU after it or a ReLU
 * mask on its first term. float32 through the kernels ({@link Kernels#columnAffine} and
 * {@link Kernels#columnAffineGradient}), float64 in double.
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
            float[] mf = mask == null ? null : mask.floatData();
            float[] af = toFloats(a);
            float[] kf = toFloats(k);
            if (q != null) {   // the input gradient in training (pm is null there)
                Kernels.active().columnAffineGradient(pf, af, q.floatData(), toFloats(b), toFloats(qm), kf, mf, of, n, c);
            } else if (mf == null) {
                Kernels.active().columnAffine(pf, af, toFloats(pm), kf, of, n, c, relu);
            } else {   // the input gradient in evaluation, through a fused ReLU
                float[] pmf = toFloats(pm);
                for (int i = 0; i < n * c; i++) {
                    of[i] = (mf[i] > 0 ? af[i % c] * (pf[i] - pmf[i % c]) : 0f) + kf[i % c];
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

    private static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int j = 0; j < f.length; j++) {
            f[j] = (float) values[j];
        }
        return f;
    }

}
