package org.descent.nn;

import org.descent.tensor.Tensor;

/**
 * The loops of {@link BatchNorm1d} and {@link LayerNorm} over (N, C) row-major arrays, float32 or
 * float64, with statistics and sums accumulated in double. Each method makes one or two passes
 * over the data in memory order; the per-column or per-row figures are double arrays.
 */
final class NormLoops {
    private NormLoops() {
    }

    /** Per column j: the mean and the biased variance (1/N) of x[·, j], two passes. */
    static void columnMoments(Tensor x, int n, int c, double[] mean, double[] var) {
        java.util.Arrays.fill(mean, 0);
        java.util.Arrays.fill(var, 0);
        float[] f = x.floatData();
        double[] d = x.doubleData();
        for (int r = 0; r < n; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                mean[j] += f != null ? f[o + j] : d[o + j];
            }
        }
        for (int j = 0; j < c; j++) {
            mean[j] /= n;
        }
        for (int r = 0; r < n; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                double v = (f != null ? f[o + j] : d[o + j]) - mean[j];
                var[j] += v * v;
            }
        }
        for (int j = 0; j < c; j++) {
            var[j] /= n;
        }
    }

    /** Per row r: the mean and the biased variance (1/C) of x[r, ·], two passes over the row. */
    static void rowMoments(Tensor x, int n, int c, double[] mean, double[] var) {
        float[] f = x.floatData();
        double[] d = x.doubleData();
        for (int r = 0; r < n; r++) {
            int o = r * c;
            double s = 0;
            for (int j = 0; j < c; j++) {
                s += f != null ? f[o + j] : d[o + j];
            }
            double m = s / c;
            double q = 0;
            for (int j = 0; j < c; j++) {
                double v = (f != null ? f[o + j] : d[o + j]) - m;
                q += v * v;
            }
            mean[r] = m;
            var[r] = q / c;
        }
    }

    /** out[r, j] = a[j] · p[r, j] + b[j] · q[r, j] + k[j]; q may be null (b unused). */
    static void columnAffine(Tensor p, double[] a, Tensor q, double[] b, double[] k, Tensor out, int n, int c) {
        float[] pf = p.floatData();
        float[] of = out.floatData();
        if (of != null) {
            float[] qf = q == null ? null : q.floatData();
            for (int r = 0; r < n; r++) {
                int o = r * c;
                for (int j = 0; j < c; j++) {
                    double v = a[j] * pf[o + j] + k[j];
                    of[o + j] = (float) (qf == null ? v : v + b[j] * qf[o + j]);
                }
            }
            return;
        }
        double[] pd = p.doubleData();
        double[] od = out.doubleData();
        double[] qd = q == null ? null : q.doubleData();
        for (int r = 0; r < n; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                double v = a[j] * pd[o + j] + k[j];
                od[o + j] = qd == null ? v : v + b[j] * qd[o + j];
            }
        }
    }

    /** Per column j: sumG[j] = Σ_r g[r, j] and sumGX[j] = Σ_r g[r, j] (x[r, j] − mean[j]). */
    static void columnGradientSums(Tensor g, Tensor x, double[] mean, int n, int c, double[] sumG, double[] sumGX) {
        java.util.Arrays.fill(sumG, 0);
        java.util.Arrays.fill(sumGX, 0);
        float[] gf = g.floatData();
        float[] xf = x.floatData();
        double[] gd = g.doubleData();
        double[] xd = x.doubleData();
        for (int r = 0; r < n; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                double gv = gf != null ? gf[o + j] : gd[o + j];
                double xv = xf != null ? xf[o + j] : xd[o + j];
                sumG[j] += gv;
                sumGX[j] += gv * (xv - mean[j]);
            }
        }
    }

    /** A tensor of {@code like}'s dtype and shape (c) holding {@code values}. */
    static Tensor vector(double[] values, Tensor like) {
        Tensor t = Tensor.zeros(like.dtype(), values.length);
        float[] f = t.floatData();
        double[] d = t.doubleData();
        for (int j = 0; j < values.length; j++) {
            if (f != null) {
                f[j] = (float) values[j];
            } else {
                d[j] = values[j];
            }
        }
        return t;
    }
}
