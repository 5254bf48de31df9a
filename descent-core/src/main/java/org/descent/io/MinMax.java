package org.descent.io;

import java.util.Arrays;
import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * Min-max scaling to [0, 1]: {@code x'_j = (x_j − min_j) / (max_j − min_j)} (a feature with
 * max = min is only shifted). The bounds are those of the training set.
 */
public record MinMax(double[] min, double[] max) implements Normalization {

    public MinMax {
        FeatureScaling.validate("min-max", "min", min, "max", max);
        min = min.clone();
        max = max.clone();
        for (int j = 0; j < min.length; j++) {
            if (max[j] < min[j]) {
                throw new DescentException("min-max normalization of feature " + j + " has min " + min[j] + " > max "
                        + max[j] + "; expected min <= max");
            }
        }
    }

    @Override
    public double[] min() {
        return min.clone();
    }

    @Override
    public double[] max() {
        return max.clone();
    }

    @Override
    public int featureCount() {
        return min.length;
    }

    @Override
    public Tensor apply(Tensor features) {
        double[] range = new double[min.length];
        for (int j = 0; j < range.length; j++) {
            range[j] = max[j] - min[j];
        }
        return FeatureScaling.affine("min-max", features, min, range);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinMax m && Arrays.equals(min, m.min) && Arrays.equals(max, m.max);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(min) + Arrays.hashCode(max);
    }

    @Override
    public String toString() {
        return "MinMax(min=" + Arrays.toString(min) + ", max=" + Arrays.toString(max) + ")";
    }
}
