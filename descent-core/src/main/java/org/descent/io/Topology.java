package org.descent.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.nn.Graph;
import org.descent.nn.GraphNode;
import org.descent.nn.LayerLayout;
import org.descent.nn.LayerRegistry;
import org.descent.nn.LayerSpec;
import org.descent.nn.Module;
import org.descent.nn.Sequential;

/**
 * The topology of a network as a model file records it: a {@link SequentialSpec} (layers in order)
 * or a {@link GraphSpec} (named nodes reading earlier nodes). Everything about it is known before
 * it is built ({@link #layout}), so a file can be checked against it without allocating.
 */
public sealed interface Topology permits SequentialSpec, GraphSpec {

    /** The output size and every state tensor's dotted name and shape for {@code inputSize} inputs; validates the arguments. */
    LayerLayout layout(int inputSize);

    /** A new network for {@code inputSize} inputs, its weights drawn from {@code random}. */
    Module build(int inputSize, Random random);

    /** The layers, in the order they run. */
    List<LayerSpec> layers();

    /** E.g. {@code 784 → Linear(256) → relu → Linear(10)}. */
    String describe(int inputSize);

    /** The architecture of {@code network}, a {@link Sequential} or a {@link Graph} of registered layer kinds. */
    static Topology of(Module network) {
        if (network instanceof Sequential sequential) {
            List<LayerSpec> layers = new ArrayList<>();
            List<Module> modules = sequential.layers();
            for (int i = 0; i < modules.size(); i++) {
                layers.add(LayerRegistry.describe(modules.get(i), "layers." + i));
            }
            return new SequentialSpec(layers);
        }
        if (network instanceof Graph graph) {
            List<GraphNodeSpec> nodes = new ArrayList<>();
            for (GraphNode node : graph.nodes()) {
                nodes.add(new GraphNodeSpec(node.name(), LayerRegistry.describe(node.module(), "'" + node.name() + "'"),
                        node.combine(), node.inputs()));
            }
            return new GraphSpec(nodes);
        }
        throw new DescentException("a model file holds a Sequential or a Graph network, got " + network);
    }

    /** {@code layout} of {@code layer} at {@code where}, its errors prefixed with the place. */
    static LayerLayout layoutOf(LayerSpec layer, int inputSize, String where) {
        try {
            return LayerRegistry.layout(layer, inputSize);
        } catch (DescentException e) {
            throw new DescentException("layer " + where + " (" + layer.kind() + "): " + e.getMessage(), e);
        }
    }

    /** A module for {@code layer} at {@code where}, its errors prefixed with the place. */
    static Module create(LayerSpec layer, int inputSize, Random random, String where) {
        try {
            return LayerRegistry.create(layer, inputSize, random);
        } catch (DescentException e) {
            throw new DescentException("layer " + where + " (" + layer.kind() + "): " + e.getMessage(), e);
        }
    }
}
