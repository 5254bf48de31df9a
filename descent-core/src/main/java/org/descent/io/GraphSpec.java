package org.descent.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.descent.DescentException;
import org.descent.nn.Combine;
import org.descent.nn.Graph;
import org.descent.nn.GraphBuilder;
import org.descent.nn.LayerLayout;
import org.descent.nn.LayerSpec;
import org.descent.nn.Module;
import org.descent.tensor.Shape;

/** A {@link Graph} network: nodes in the order they run, each reading earlier nodes; the last is the output. */
public record GraphSpec(List<GraphNodeSpec> nodes) implements Topology {

    public GraphSpec {
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
        if (nodes.isEmpty()) {
            throw new DescentException("a graph network needs at least one node");
        }
    }

    @Override
    public LayerLayout layout(int inputSize) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put(Graph.INPUT, inputSize);
        Map<String, Shape> state = new LinkedHashMap<>();
        int size = inputSize;
        for (GraphNodeSpec node : nodes) {
            if (sizes.containsKey(node.name())) {
                throw new DescentException("graph has two nodes named '" + node.name() + "'");
            }
            LayerLayout layer = Topology.layoutOf(node.layer(), combinedSize(node, sizes), "'" + node.name() + "'");
            layer.state().forEach((name, shape) -> state.put(node.name() + "." + name, shape));
            size = layer.outputSize();
            sizes.put(node.name(), size);
        }
        return new LayerLayout(size, state);
    }

    private static int combinedSize(GraphNodeSpec node, Map<String, Integer> sizes) {
        long total = 0;
        Integer first = null;
        for (String input : node.inputs()) {
            Integer size = sizes.get(input);
            if (size == null) {
                throw new DescentException("graph node '" + node.name() + "' reads '" + input
                        + "', which is not an earlier node; earlier: " + sizes.keySet());
            }
            if (node.combine() == Combine.SUM && first != null && !size.equals(first)) {
                throw new DescentException("graph node '" + node.name() + "': sum of inputs of " + first + " and "
                        + size + " features; a sum needs equal sizes");
            }
            first = first == null ? size : first;
            total += size;
        }
        if (total > Integer.MAX_VALUE) {
            throw new DescentException("graph node '" + node.name() + "' concatenates " + total + " features, too many");
        }
        return node.combine() == Combine.SUM ? first : (int) total;
    }

    @Override
    public Module build(int inputSize, Random random) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put(Graph.INPUT, inputSize);
        GraphBuilder builder = Graph.builder(inputSize);
        for (GraphNodeSpec node : nodes) {
            Module module = Topology.create(node.layer(), combinedSize(node, sizes), random, "'" + node.name() + "'");
            sizes.put(node.name(), module.outputSize(combinedSize(node, sizes)));
            builder.add(node.name(), module, node.combine(), node.inputs().toArray(new String[0]));
        }
        return builder.build();
    }

    @Override
    public List<LayerSpec> layers() {
        List<LayerSpec> layers = new ArrayList<>();
        nodes.forEach(node -> layers.add(node.layer()));
        return layers;
    }

    /** {@code 3 → graph(h1: Linear(4) ← input, a1: tanh ← h1, out: Linear(2) ← concat(input, a1))}. */
    @Override
    public String describe(int inputSize) {
        StringBuilder sb = new StringBuilder().append(inputSize).append(" → graph(");
        for (int i = 0; i < nodes.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(nodes.get(i));
        }
        return sb.append(')').toString();
    }
}
