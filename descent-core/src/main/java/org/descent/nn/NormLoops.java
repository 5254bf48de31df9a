package org.descent.nn;

import java.util.Arrays;
import org.descent.internal.kernel.Kernels;
import org.descent.tensor.Tensor;

/**
 * The loops of {@link BatchNorm1d} and {@link LayerNorm} over (N, C) row-major arrays, float32 or
 * float64, with statistics and sums accumulated in double. Each method makes one or two passes
 * over the data in memory order, the dtype chosen once outside the loops; the per-column or
 * per-row figures are double arrays.
 */
final class NormLoops {
    private NormLoops() {
    }

    /** Rows summed in float before each addition to the double totals: a vectorizable inner loop, error ~ CHUNK ulps. */
    private static final int CHUNK = 16;

    /** Per column j: the mean and the biased variance (1/N) of x[·, j], two passes. */
    static void columnMoments(Tensor x, int n, int c, double[] mean, double[] var) {
        Arrays.fill(mean, 0);
        Arrays.fill(var, 0);
        float[] f = x.floatData();
        if (f != null) {
            float[] acc = new float[c];
            float[] centre = new float[c];
            columnSums(f, null, n, c, acc, mean);
            for (int j = 0; j < c; j++) {
                mean[j] /= n;
                centre[j] = (float) mean[j];
            }
            columnSums(f, centre, n, c, acc, var);
            for (int j = 0; j < c; j++) {
                // Σ (x − m)² about the rounded mean m, corrected to the exact mean: − n (μ − m)²
                double shift = mean[j] - centre[j];
                var[j] = Math.max(0, var[j] / n - shift * shift);
            }
            return;
        }
        double[] d = x.doubleData();
        for (int r = 0; r < n; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                mean[j] += d[o + j];
            }
        }
        for (int j = 0; j < c; j++) {
            mean[j] /= n;
        }
        for (int r = 0; r < n; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                double v = d[o + j] - mean[j];
                var[j] += v * v;
            }
        }
        for (int j = 0; j < c; j++) {
            var[j] /= n;
        }
    }

    /** totals[j] += Σ_r f[r, j] (centre null) or Σ_r (f[r, j] − centre[j])², in float chunks of CHUNK rows. */
    private static void columnSums(float[] f, float[] centre, int n, int c, float[] acc, double[] totals) {
        for (int start = 0; start < n; start += CHUNK) {
            Arrays.fill(acc, 0f);
            int end = Math.min(n, start + CHUNK);
            for (int r = start; r < end; r++) {
                int o = r * c;
                if (centre == null) {
                    for (int j = 0; j < c; j++) {
                        acc[j] += f[o + j];
                    }
                } else {
                    for (int j = 0; j < c; j++) {
                        float v = f[o + j] - centre[j];
                        acc[j] += v * v;
                    }
                }
            }
            for (int j = 0; j < c; j++) {
                totals[j] += acc[j];
            }
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

    /**
     * Per column j: sumG[j] = Σ_r g[r, j] and sumGX[j] = Σ_r g[r, j] (x[r, j] − mean[j]), with g
     * taken as 0 wherever {@code mask} (if given) is ≤ 0.
     */
    static void columnGradientSums(Tensor g, Tensor x, double[] mean, int n, int c, double[] sumG, double[] sumGX,
            Tensor mask) {
        Arrays.fill(sumG, 0);
        Arrays.fill(sumGX, 0);
        float[] gf = g.floatData();
        if (gf != null) {
            float[] xf = x.floatData();
            float[] mf = mask == null ? null : mask.floatData();
            float[] centre = new float[c];
            for (int j = 0; j < c; j++) {
                centre[j] = (float) mean[j];
            }
            float[] accG = new float[c];
            Kernels kernels = Kernels.active();
            float[] accGX = new float[c];
            for (int start = 0; start < n; start += CHUNK) {
                Arrays.fill(accG, 0f);
                Arrays.fill(accGX, 0f);
                kernels.columnGradientSums(gf, xf, centre, mf, accG, accGX, start, Math.min(n, start + CHUNK), c);
                for (int j = 0; j < c; j++) {
                    sumG[j] += accG[j];
                    sumGX[j] += accGX[j];
                }
            }
            for (int j = 0; j < c; j++) {
                sumGX[j] -= sumG[j] * (mean[j] - centre[j]);   // about the exact mean
            }
            return;
        }
        double[] gd = g.doubleData();
        double[] xd = x.doubleData();
        double[] md = mask == null ? null : mask.doubleData();
        for (int r = 0; r < n; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                double gv = md != null && !(md[o + j] > 0) ? 0 : gd[o + j];
                sumG[j] += gv;
                sumGX[j] += gv * (xd[o + j] - mean[j]);
            }
        }
    }

    /** A tensor of {@code like}'s dtype and shape (c) holding {@code values}. */
    static Tensor vector(double[] values, Tensor like) {
        Tensor t = Tensor.zeros(like.dtype(), values.length);
        for (int j = 0; j < values.length; j++) {
            t.set(j, values[j]);
        }
        return t;
    }
}
