package org.descent.data;

import java.util.Arrays;
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
        double[] max = new double[d];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {           // row by row, as the values are stored
            for (int j = 0; j < d; j++) {
                double v = x.get(i * d + j);
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
            }
        }
        double[] range = new double[d];
        for (int j = 0; j < d; j++) {
            range[j] = nonZero(max[j] - min[j]);
        }
        return new Normalize(min, range);
    }

    /** Standardization to mean 0 and standard deviation 1, fitted on {@code train}'s features. */
    public static Normalize standardize(Dataset train) {
        Tensor x = train.features();
        int n = rows(x);
        int d = x.shape().dim(1);
        // Row by row, as the values are stored; each feature's sums still run over i = 0..n−1 in order.
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x.get(i * d + j);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] squares = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double delta = x.get(i * d + j) - mean[j];
                squares[j] += delta * delta;
            }
        }
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            std[j] = nonZero(Math.sqrt(squares[j] / n));
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
        for (int row = 0; row < out.size(); row += d) {
            for (int j = 0; j < d; j++) {
                out.set(row + j, (out.get(row + j) - shift[j]) / scale[j]);
            }
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
