package org.descent.io;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.descent.DescentException;
import org.descent.data.Normalize;
import org.descent.nn.Module;
import org.descent.nn.Sequential;

/**
 * Everything needed to rebuild a trained network and use it: the architecture (input size and
 * layers), what it was trained for (task and loss names, classes) and the preprocessing of its
 * inputs. For example the MLP {@code 784 → Linear(256) → relu → Linear(128) → relu → Linear(10)}:
 *
 * <pre>{@code
 * NetworkSpec spec = new NetworkSpec(784,
 *         List.of(LayerSpec.linear(256), LayerSpec.activation("relu"), LayerSpec.linear(128),
 *                 LayerSpec.activation("relu"), LayerSpec.linear(10)),
 *         "classification", "cross-entropy", 10, List.of(), Normalize.standardize(means, stds));
 * }</pre>
 *
 * @param inputSize     the number of input features, > 0
 * @param layers        the layers in order; layer i becomes {@code layers.i} of the {@link Sequential}
 * @param task          what the network does, e.g. {@code classification} or {@code regression}
 * @param loss          the loss it was trained with, e.g. {@code cross-entropy}
 * @param classCount    the number of classes, 0 for regression
 * @param classNames    one name per class, or empty
 * @param normalization the preprocessing applied before the network (fitted on the training data, or
 *                      rebuilt from its statistics), or null for none
 * @param labelSmoothing the label smoothing s of a cross-entropy loss (PyTorch's convention), in [0, 1); 0 for none
 */
public record NetworkSpec(int inputSize, List<LayerSpec> layers, String task, String loss, int classCount,
                          List<String> classNames, Normalize normalization, double labelSmoothing) {

    /** A spec whose loss has no label smoothing. */
    public NetworkSpec(int inputSize, List<LayerSpec> layers, String task, String loss, int classCount,
                       List<String> classNames, Normalize normalization) {
        this(inputSize, layers, task, loss, classCount, classNames, normalization, 0);
    }

    public NetworkSpec {
        if (inputSize <= 0) {
            throw new DescentException("a network needs a positive input size, got " + inputSize);
        }
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
        if (layers.isEmpty()) {
            throw new DescentException("a network needs at least one layer");
        }
        requireName("task", task);
        requireName("loss", loss);
        if (classCount < 0) {
            throw new DescentException("class count must be >= 0 (0 for regression), got " + classCount);
        }
        classNames = List.copyOf(Objects.requireNonNull(classNames, "classNames"));
        if (!classNames.isEmpty() && classNames.size() != classCount) {
            throw new DescentException(classNames.size() + " class names given for " + classCount
                    + " classes; give one name per class or none");
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new DescentException("label smoothing must be in [0, 1), got " + labelSmoothing);
        }
        if (normalization != null && normalization.featureCount() != inputSize) {
            throw new DescentException("normalization is for " + normalization.featureCount()
                    + " features but the network has " + inputSize + " inputs");
        }
    }

    private static void requireName(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new DescentException("the network's " + what + " must be named, got " + (value == null ? "null" : "'" + value + "'"));
        }
    }

    /** The number of output features. */
    public int outputSize() {
        int size = inputSize;
        for (LayerSpec layer : layers) {
            if (layer.kind().equals(LayerKinds.LINEAR)) {
                size = layer.size();
            }
        }
        return size;
    }

    /** A new network of this architecture, its weights initialized from {@code random}. */
    public Sequential build(Random random) {
        Module[] modules = new Module[layers.size()];
        int size = inputSize;
        for (int i = 0; i < modules.length; i++) {
            modules[i] = LayerKinds.create(layers.get(i), size, random);
            size = modules[i].outputSize(size);
        }
        return new Sequential(modules);
    }

    /** The JSON stored in a model file's {@code descent.spec} metadata. */
    public String toJson() {
        return SpecJson.write(this);
    }

    /** Parses {@link #toJson()}'s output; {@code source} names it in error messages. */
    public static NetworkSpec fromJson(String json, String source) {
        return SpecJson.read(json, source);
    }

    /** {@code 784 → Linear(256) → relu → Linear(10)}. */
    public String architecture() {
        StringBuilder sb = new StringBuilder().append(inputSize);
        layers.forEach(layer -> sb.append(" → ").append(layer));
        return sb.toString();
    }
}
