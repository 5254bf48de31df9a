package org.descent.data;

import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * Per-feature affine scaling {@code x'[i, j] = (x[i, j] − shift_j) / scale_j} whose statistics
 * come from the training split only ({@link #minMax} or {@link #standardize} on the training
 * data), then the same transformation is applied to validation and test data, so nothing about
 * them leaks into training.
 *
 * <ul>
 *   <li>min-max: shift_j = min_i x[i, j], scale_j = max_i x[i, j] − min_i x[i, j], mapping the
 *       training values to [0, 1];</li>
 *   <li>standardization: shift_j = mean μ_j, scale_j = σ_j = sqrt(1/N Σ_i (x[i, j] − μ_j)²),
 *       the population standard deviation as in scikit-learn's StandardScaler.</li>
 * </ul>
 * A constant feature (scale 0) gets scale 1, so it maps to 0 instead of dividing by zero.
 *
 * <p>Shape: fitted on [N, d], applied to any [M, d].
 */
public final class Normalize {
    private final double[] shift;
    private final double[] scale;

    private Normalize(double[] shift, double[] scale) {
        this.shift = shift;
        this.scale = scale;
    }

    /** Min-max scaling fitted on {@code train}'s features. */
    public static Normalize minMax(Dataset train) {
        Tensor x = train.features();
        int n = rows(x);
        int d = x.shape().dim(1);
        double[] min = new double[d];
        double[] range = new double[d];
        for (int j = 0; j < d; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = x.get(i * d + j);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            min[j] = lo;
            range[j] = nonZero(hi - lo);
        }
        return new Normalize(min, range);
    }

    /** Standardization to mean 0 and standard deviation 1, fitted on {@code train}'s features. */
    public static Normalize standardize(Dataset train) {
        Tensor x = train.features();
        int n = rows(x);
        int d = x.shape().dim(1);
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x.get(i * d + j);
            }
            mean[j] = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double delta = x.get(i * d + j) - mean[j];
                squares += delta * delta;
            }
            std[j] = nonZero(Math.sqrt(squares / n));
        }
        return new Normalize(mean, std);
    }

    /** The fitted shift_j of each feature (a copy). */
    public double[] shift() {
        return shift.clone();
    }

    /** The fitted scale_j of each feature (a copy; 1 for constant features). */
    public double[] scale() {
        return scale.clone();
    }

    /** {@code data} with its features transformed; targets and labels unchanged. */
    public Dataset apply(Dataset data) {
        return data.withFeatures(apply(data.features()));
    }

    /** The transformed features, a new tensor of the same dtype and shape [M, d]. */
    public Tensor apply(Tensor features) {
        if (features.shape().rank() != 2 || features.shape().dim(1) != shift.length) {
            throw new DescentException("normalization was fitted on " + shift.length + " features, cannot apply it to "
                    + features.shape());
        }
        Tensor out = features.copy(features.dtype());
        int d = shift.length;
        for (int i = 0; i < out.size(); i++) {
            out.set(i, (out.get(i) - shift[i % d]) / scale[i % d]);
        }
        return out;
    }

    private static int rows(Tensor x) {
        int n = x.shape().dim(0);
        if (n == 0) {
            throw new DescentException("cannot fit a normalization on an empty training set");
        }
        return n;
    }

    private static double nonZero(double scale) {
        return scale > 0 ? scale : 1.0;
    }
}
