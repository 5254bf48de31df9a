package org.descent.data;

import java.util.List;
import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * Samples for training or evaluation: float32 features [N, d], float32 targets [N, k], and for
 * classification the integer label of each sample in 0..K−1 with optional class names.
 *
 * <p>Immutable in use: the accessors hand out the tensors themselves (no copy), which callers
 * must treat as read-only; every transformation ({@link #subset}, {@link #binary},
 * {@link #withFeatures}) returns a new dataset.
 */
public final class Dataset {
    private final Tensor features;
    private final Tensor targets;
    private final int[] labels;
    private final int classes;
    private final List<String> classNames;

    /**
     * @param labels     the class of each sample, or null for regression
     * @param classes    number of classes K (0 for regression)
     * @param classNames K names, or null / empty for none
     */
    public Dataset(Tensor features, Tensor targets, int[] labels, int classes, List<String> classNames) {
        if (features.shape().rank() != 2 || targets.shape().rank() != 2) {
            throw new DescentException("dataset needs 2-D features [N, d] and targets [N, k], got features "
                    + features.shape() + " and targets " + targets.shape());
        }
        int n = features.shape().dim(0);
        if (targets.shape().dim(0) != n) {
            throw new DescentException("dataset has " + n + " feature rows but " + targets.shape().dim(0) + " target rows");
        }
        if (labels != null) {
            if (labels.length != n) {
                throw new DescentException("dataset has " + n + " samples but " + labels.length + " labels");
            }
            if (classes < 1) {
                throw new DescentException("a dataset with labels needs at least one class, got " + classes);
            }
            for (int i = 0; i < n; i++) {
                if (labels[i] < 0 || labels[i] >= classes) {
                    throw new DescentException("label " + labels[i] + " of sample " + i + " is outside 0.." + (classes - 1));
                }
            }
        } else if (classes != 0) {
            throw new DescentException("a dataset without labels has 0 classes, got " + classes);
        }
        List<String> names = classNames == null ? List.of() : List.copyOf(classNames);
        if (!names.isEmpty() && names.size() != classes) {
            throw new DescentException("dataset has " + classes + " classes but " + names.size() + " class names " + names);
        }
        this.features = Rows.float32(features);
        this.targets = Rows.float32(targets);
        this.labels = labels == null ? null : labels.clone();
        this.classes = classes;
        this.classNames = names;
    }

    /** Classification data: targets are the one-hot encoding [N, K] of {@code labels}. */
    public static Dataset classification(Tensor features, int[] labels, int classes, List<String> classNames) {
        return new Dataset(features, OneHot.encode(labels, classes), labels, classes, classNames);
    }

    /** Regression data: real-valued targets [N, k], no labels. */
    public static Dataset regression(Tensor features, Tensor targets) {
        return new Dataset(features, targets, null, 0, null);
    }

    public Tensor features() {
        return features;
    }

    public Tensor targets() {
        return targets;
    }

    /** Number of samples N. */
    public int size() {
        return features.shape().dim(0);
    }

    /** Number of features d per sample. */
    public int featureCount() {
        return features.shape().dim(1);
    }

    /** Number of target values k per sample. */
    public int targetCount() {
        return targets.shape().dim(1);
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** A copy of the labels; fails for regression data. */
    public int[] labels() {
        return requireLabels("labels()").clone();
    }

    public int label(int sample) {
        return requireLabels("label(" + sample + ")")[sample];
    }

    /** Number of classes K, 0 for regression. */
    public int classes() {
        return classes;
    }

    /** The class names, or an empty list if the data have none. */
    public List<String> classNames() {
        return classNames;
    }

    /** The name of class {@code c}, or its number if the data have no names. */
    public String className(int c) {
        return classNames.isEmpty() ? String.valueOf(c) : classNames.get(c);
    }

    /** The samples at {@code indices}, in that order (rows are copied). */
    public Dataset subset(int[] indices) {
        int[] picked = null;
        if (labels != null) {
            picked = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                if (indices[i] < 0 || indices[i] >= labels.length) {
                    throw new DescentException("subset index " + indices[i] + " is outside 0.." + (labels.length - 1));
                }
                picked[i] = labels[indices[i]];
            }
        }
        return new Dataset(Rows.gather(features, indices), Rows.gather(targets, indices), picked, classes, classNames);
    }

    /**
     * One class against the rest ("is this a 2?"): label 1 for {@code positiveClass}, 0 otherwise,
     * and targets [N, 1] holding that label, for a sigmoid output with binary cross-entropy.
     */
    public Dataset binary(int positiveClass) {
        int[] own = requireLabels("binary(" + positiveClass + ")");
        if (positiveClass < 0 || positiveClass >= classes) {
            throw new DescentException("positive class " + positiveClass + " is outside 0.." + (classes - 1));
        }
        int[] relabelled = new int[own.length];
        float[] target = new float[own.length];
        for (int i = 0; i < own.length; i++) {
            relabelled[i] = own[i] == positiveClass ? 1 : 0;
            target[i] = relabelled[i];
        }
        String name = className(positiveClass);
        return new Dataset(features, Tensor.of(target, own.length, 1), relabelled, 2, List.of("not " + name, name));
    }

    /** The same samples with other features (for example normalized ones), N rows. */
    public Dataset withFeatures(Tensor newFeatures) {
        return new Dataset(newFeatures, targets, labels, classes, classNames);
    }

    private int[] requireLabels(String call) {
        if (labels == null) {
            throw new DescentException(call + " needs a classification dataset; this one holds regression targets");
        }
        return labels;
    }

    @Override
    public String toString() {
        return "Dataset(" + size() + " samples, " + featureCount() + " features, "
                + (labels != null ? classes + " classes"
                        : targetCount() + " regression target" + (targetCount() == 1 ? "" : "s")) + ")";
    }
}
