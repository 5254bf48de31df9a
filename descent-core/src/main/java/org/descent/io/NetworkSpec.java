package org.descent.io;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.descent.DescentException;
import org.descent.data.Normalize;
import org.descent.nn.LayerLayout;
import org.descent.nn.LayerSpec;
import org.descent.nn.Module;
import org.descent.nn.Sequential;

/**
 * Everything needed to rebuild a trained network and use it: the architecture (input size and
 * the {@link Topology}: a {@link SequentialSpec} of layers or a {@link GraphSpec} of nodes),
 * what it was trained for (task and loss names, classes) and the preprocessing of its
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
 * @param topology      the layers in order (layer i becomes {@code layers.i} of the {@link Sequential}),
 *                      or the nodes of a {@link org.descent.nn.Graph}; checked against
 *                      {@code inputSize} at once (sizes, arguments, node references)
 * @param task          what the network does, e.g. {@code classification} or {@code regression}
 * @param loss          the loss it was trained with, e.g. {@code cross-entropy}
 * @param classCount    the number of classes, 0 for regression
 * @param classNames    one name per class, or empty
 * @param normalization the preprocessing applied before the network (fitted on the training data, or
 *                      rebuilt from its statistics), or null for none
 * @param labelSmoothing the label smoothing s of a cross-entropy loss (PyTorch's convention), in [0, 1); 0 for none
 * @param classWeights  the class weights of a weighted cross-entropy (one per class, each &gt;= 0 and finite),
 *                      or empty for none; stored so that evaluating the model reports the loss it was trained on
 */
public record NetworkSpec(int inputSize, Topology topology, String task, String loss, int classCount,
                          List<String> classNames, Normalize normalization, double labelSmoothing, List<Double> classWeights) {

    /** A spec without class weights. */
    public NetworkSpec(int inputSize, Topology topology, String task, String loss, int classCount,
                       List<String> classNames, Normalize normalization, double labelSmoothing) {
        this(inputSize, topology, task, loss, classCount, classNames, normalization, labelSmoothing, List.of());
    }

    /** A spec of a {@link Sequential} network. */
    public NetworkSpec(int inputSize, List<LayerSpec> layers, String task, String loss, int classCount,
                       List<String> classNames, Normalize normalization, double labelSmoothing) {
        this(inputSize, new SequentialSpec(layers), task, loss, classCount, classNames, normalization, labelSmoothing);
    }

    /** A spec of a {@link Sequential} network whose loss has no label smoothing. */
    public NetworkSpec(int inputSize, List<LayerSpec> layers, String task, String loss, int classCount,
                       List<String> classNames, Normalize normalization) {
        this(inputSize, layers, task, loss, classCount, classNames, normalization, 0);
    }

    public NetworkSpec {
        if (inputSize <= 0) {
            throw new DescentException("a network needs a positive input size, got " + inputSize);
        }
        Objects.requireNonNull(topology, "topology").layout(inputSize);
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
        classWeights = List.copyOf(Objects.requireNonNull(classWeights, "classWeights"));
        if (!classWeights.isEmpty() && classWeights.size() != classCount) {
            throw new DescentException(classWeights.size() + " class weights given for " + classCount
                    + " classes; give one weight per class or none");
        }
        for (double w : classWeights) {
            if (!(w >= 0 && Double.isFinite(w))) {
                throw new DescentException("class weights must be >= 0 and finite, got " + w);
            }
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

    /** This spec with the class weights of its cross-entropy. */
    public NetworkSpec withClassWeights(double[] weights) {
        return new NetworkSpec(inputSize, topology, task, loss, classCount, classNames, normalization, labelSmoothing,
                java.util.Arrays.stream(weights).boxed().toList());
    }

    /** This spec with {@code layers} in place of its topology (the same layers, every argument named). */
    NetworkSpec withTopology(Topology layers) {
        return new NetworkSpec(inputSize, layers, task, loss, classCount, classNames, normalization, labelSmoothing,
                classWeights);
    }

    /** The layers in the order they run (a graph's node by node). */
    public List<LayerSpec> layers() {
        return topology.layers();
    }

    /** The number of output features. */
    public int outputSize() {
        return topology.layout(inputSize).outputSize();
    }

    /** The output size and the dotted name and shape of every tensor the network's state holds, known without building it. */
    public LayerLayout layout() {
        return topology.layout(inputSize);
    }

    /** A new network of this architecture (a {@link Sequential} or a {@link org.descent.nn.Graph}), its weights from {@code random}. */
    public Module build(Random random) {
        return topology.build(inputSize, random);
    }

    /** The JSON stored in a model file's {@code descent.spec} metadata. */
    public String toJson() {
        return SpecJson.write(this);
    }

    /** Parses {@link #toJson()}'s output; {@code source} names it in error messages. */
    public static NetworkSpec fromJson(String json, String source) {
        return SpecJson.read(json, source, 2);
    }

    /** {@code 784 → Linear(256) → relu → Linear(10)}, or for a graph {@code 3 → graph(h1: Linear(4) ← input, ...)}. */
    public String architecture() {
        return topology.describe(inputSize);
    }
}
