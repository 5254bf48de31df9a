package org.descent.io;

import java.util.Arrays;
import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * Standardization to zero mean and unit variance: {@code x'_j = (x_j − mean_j) / std_j} (a feature
 * with std 0 is only centered). The statistics are those of the training set.
 */
public record Standardize(double[] mean, double[] std) implements Normalization {

    public Standardize {
        FeatureScaling.validate("standardize", "mean", mean, "std", std);
        mean = mean.clone();
        std = std.clone();
        for (int j = 0; j < std.length; j++) {
            if (std[j] < 0) {
                throw new DescentException("standardize normalization of feature " + j + " has std " + std[j]
                        + "; expected a standard deviation >= 0");
            }
        }
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public int featureCount() {
        return mean.length;
    }

    @Override
    public Tensor apply(Tensor features) {
        return FeatureScaling.affine("standardize", features, mean, std);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardize s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Standardize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
    }
}
