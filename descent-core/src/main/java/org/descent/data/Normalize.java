package org.descent.data;

import java.util.Arrays;
import org.descent.DescentException;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/**
 * Per-feature affine scaling {@code x'[i, j] = (x[i, j] − shift_j) / scale_j}, the one
 * representation of feature scaling: fitted on the training split only ({@link #minMax(Dataset)}
 * or {@link #standardize(Dataset)}), then applied unchanged to validation and test data, so
 * nothing about them leaks into training; a model file records it ({@code org.descent.io.NetworkSpec})
 * and rebuilds it from its statistics ({@link #minMax(double[], double[])},
 * {@link #standardize(double[], double[])}), so predictions see exactly the inputs training saw.
 *
 * <ul>
 *   <li>min-max: statistics min_j and max_j, shift_j = min_j, scale_j = max_j − min_j, mapping the
 *       training values to [0, 1];</li>
 *   <li>standardization: statistics mean μ_j and σ_j = sqrt(1/N Σ_i (x[i, j] − μ_j)²), the
 *       population standard deviation as in scikit-learn's StandardScaler; shift_j = μ_j,
 *       scale_j = σ_j.</li>
 * </ul>
 * A constant feature (scale 0) gets scale 1, so it maps to 0 instead of dividing by zero; a
 * fitted standardization records σ_j = 1 for it.
 *
 * <p>Shape: fitted on [N, d], applied to any [M, d].
 */
public final class Normalize {
    /** How the statistics are taken, with the names a model file gives them. */
    public enum Method {
        /** Statistics mean and std. */
        STANDARDIZE("standardize", "mean", "std"),
        /** Statistics min and max. */
        MIN_MAX("min-max", "min", "max");

        private final String label;
        private final String shiftName;
        private final String secondName;

        Method(String label, String shiftName, String secondName) {
            this.label = label;
            this.shiftName = shiftName;
            this.secondName = secondName;
        }

        /** {@code standardize} or {@code min-max}. */
        @Override
        public String toString() {
            return label;
        }
    }

    private final Method method;
    private final double[] shift;
    private final double[] second;
    private final double[] scale;

    /** Checks the statistics (one finite value each per feature, std ≥ 0, min ≤ max) and derives the scale. */
    private Normalize(Method method, double[] shift, double[] second) {
        if (shift == null || second == null || shift.length != second.length || shift.length == 0) {
            throw new DescentException(method + " normalization needs " + method.shiftName + " and " + method.secondName
                    + " arrays of the same, non-zero length, got " + (shift == null ? "null" : shift.length) + " and "
                    + (second == null ? "null" : second.length) + " values");
        }
        this.method = method;
        this.shift = shift.clone();
        this.second = second.clone();
        this.scale = new double[shift.length];
        for (int j = 0; j < shift.length; j++) {
            if (!Double.isFinite(shift[j]) || !Double.isFinite(second[j])) {
                throw new DescentException(method + " normalization of feature " + j + " has " + method.shiftName + " "
                        + shift[j] + " and " + method.secondName + " " + second[j] + "; expected finite values");
            }
            if (method == Method.STANDARDIZE && second[j] < 0) {
                throw new DescentException("standardize normalization of feature " + j + " has std " + second[j]
                        + "; expected a standard deviation >= 0");
            }
            if (method == Method.MIN_MAX && second[j] < shift[j]) {
                throw new DescentException("min-max normalization of feature " + j + " has min " + shift[j] + " > max "
                        + second[j] + "; expected min <= max");
            }
            double s = method == Method.STANDARDIZE ? second[j] : second[j] - shift[j];
            scale[j] = s > 0 ? s : 1.0;
        }
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
        return new Normalize(Method.MIN_MAX, min, max);
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
            double sigma = Math.sqrt(squares[j] / n);
            std[j] = sigma > 0 ? sigma : 1.0;
        }
        return new Normalize(Method.STANDARDIZE, mean, std);
    }

    /** Standardization with known statistics (a std of 0 only centers its feature). */
    public static Normalize standardize(double[] mean, double[] std) {
        return new Normalize(Method.STANDARDIZE, mean, std);
    }

    /** Min-max scaling with known bounds (a feature with max = min is only shifted). */
    public static Normalize minMax(double[] min, double[] max) {
        return new Normalize(Method.MIN_MAX, min, max);
    }

    public Method method() {
        return method;
    }

    /** The number of features d this normalization expects. */
    public int featureCount() {
        return shift.length;
    }

    /** shift_j of each feature, the first statistic: mean_j or min_j (a copy). */
    public double[] shift() {
        return shift.clone();
    }

    /** The second statistic of each feature as fitted or given: std_j or max_j (a copy). */
    public double[] secondStatistic() {
        return second.clone();
    }

    /** scale_j of each feature (a copy; 1 for constant features). */
    public double[] scale() {
        return scale.clone();
    }

    /** {@code data} with its features transformed; targets and labels unchanged. */
    public Dataset apply(Dataset data) {
        return data.withFeatures(apply(data.features()));
    }

    /**
     * As {@link #apply(Dataset)}, but overwrites the features of {@code data} instead of copying
     * them, for a caller that owns them and needs the raw values no more (the command line: for
     * Fashion-MNIST a copy is another 220 MB). Returns {@code data}.
     */
    public Dataset applyInPlace(Dataset data) {
        transform(data.features());
        return data;
    }

    /**
     * The transformed features, a new tensor of the same dtype and shape [M, d], computed in
     * float64 and rounded to the dtype. No graph is recorded.
     */
    public Tensor apply(Tensor features) {
        return transform(features.copy(features.dtype()));
    }

    /** {@code x_ij ← (x_ij − shift_j) / scale_j} in place; returns x. */
    private Tensor transform(Tensor x) {
        requireFeatures(x);
        int d = shift.length;
        for (int row = 0; row < x.size(); row += d) {
            for (int j = 0; j < d; j++) {
                x.set(row + j, (x.get(row + j) - shift[j]) / scale[j]);
            }
        }
        return x;
    }

    private void requireFeatures(Tensor features) {
        if (features.shape().rank() != 2 || features.shape().dim(1) != shift.length) {
            throw new ShapeException("normalization was fitted on " + shift.length + " features, cannot apply it to "
                    + features.shape());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalize n && method == n.method && Arrays.equals(shift, n.shift)
                && Arrays.equals(second, n.second);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * method.hashCode() + Arrays.hashCode(shift)) + Arrays.hashCode(second);
    }

    /** E.g. {@code Normalize(standardize, mean=[3.0, 7.0], std=[1.63, 1.0])}. */
    @Override
    public String toString() {
        return "Normalize(" + method + ", " + method.shiftName + "=" + Arrays.toString(shift) + ", "
                + method.secondName + "=" + Arrays.toString(second) + ")";
    }

    private static int rows(Tensor x) {
        int n = x.shape().dim(0);
        if (n == 0) {
            throw new DescentException("cannot fit a normalization on an empty training set");
        }
        return n;
    }
}
