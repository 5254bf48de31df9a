package org.descent.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.descent.data.Dataset;

/**
 * One training sample as an element of a Spark RDD: its features (the network's inputs) and its
 * target (what the loss compares the output with: a one-hot row for cross-entropy, the values for
 * regression). Treat the arrays as read-only.
 *
 * @param features one value per network input
 * @param target   one value per network output
 */
public record Sample(float[] features, float[] target) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Sample {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(target, "target");
    }

    /** The rows of {@code data} in order: row i of its features and targets becomes sample i. */
    public static List<Sample> of(Dataset data) {
        float[] x = data.features().floatData();
        float[] d = data.targets().floatData();
        int featureCount = data.featureCount();
        int targetCount = data.targetCount();
        List<Sample> samples = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            float[] features = new float[featureCount];
            float[] target = new float[targetCount];
            System.arraycopy(x, i * featureCount, features, 0, featureCount);
            System.arraycopy(d, i * targetCount, target, 0, targetCount);
            samples.add(new Sample(features, target));
        }
        return samples;
    }
}
