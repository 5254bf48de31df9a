package org.descent.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.descent.DescentException;
import org.descent.io.GraphNodeSpec;
import org.descent.io.GraphSpec;
import org.descent.io.SequentialSpec;
import org.descent.io.Topology;
import org.descent.nn.Combine;
import org.descent.nn.Graph;
import org.descent.nn.LayerSpec;
import org.descent.tensor.Tensor;

/**
 * The Descent network an ONNX graph becomes, built node by node: graph nodes (a layer, how its
 * inputs combine, which earlier nodes it reads) and their tensors. A chain (each node reading
 * the one before) becomes a {@code Sequential}, anything else a {@code Graph}.
 */
final class ImportedNetwork {
    /** One Descent node; {@code state} by names relative to the node ({@code weight}). */
    static final class Node {
        final String name;
        LayerSpec layer;
        final Combine combine;
        final List<String> inputs;
        final Map<String, Tensor> state = new LinkedHashMap<>();
        final int size;
        /** A linear layer from a MatMul, whose bias an Add may still fill. */
        boolean openBias;

        Node(String name, LayerSpec layer, Combine combine, List<String> inputs, int size) {
            this.name = name;
            this.layer = layer;
            this.combine = combine;
            this.inputs = List.copyOf(inputs);
            this.size = size;
        }
    }

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Node> byName = new LinkedHashMap<>();

    Node add(String kind, LayerSpec layer, Combine combine, List<String> inputs, int size) {
        String name = kind + "_" + nodes.size();
        Node node = new Node(name, layer, combine, inputs, size);
        nodes.add(node);
        byName.put(name, node);
        return node;
    }

    Node node(String name) {
        return byName.get(name);
    }

    List<Node> nodes() {
        return nodes;
    }

    /** Whether some node reads {@code name}. */
    boolean isRead(String name) {
        return nodes.stream().anyMatch(n -> n.inputs.contains(name));
    }

    /** The topology, and the state map under the names it gives ({@code layers.0.weight} or {@code gemm_0.weight}). */
    Topology topology(String output, String source) {
        if (nodes.isEmpty()) {
            throw new DescentException(source + " computes nothing from its input (no layer); Descent needs at least one layer");
        }
        if (!nodes.get(nodes.size() - 1).name.equals(output)) {
            throw new DescentException(source + ": the graph output is not computed by the last node; Descent networks "
                    + "end in their output (remove the unused branches)");
        }
        if (isChain()) {
            List<LayerSpec> layers = new ArrayList<>();
            nodes.forEach(n -> layers.add(n.layer));
            return new SequentialSpec(layers);
        }
        List<GraphNodeSpec> specs = new ArrayList<>();
        for (Node n : nodes) {
            specs.add(new GraphNodeSpec(n.name, n.layer, n.combine, n.inputs));
        }
        return new GraphSpec(specs);
    }

    /** The state map matching {@link #topology}. */
    Map<String, Tensor> state() {
        Map<String, Tensor> state = new LinkedHashMap<>();
        boolean chain = isChain();
        for (int i = 0; i < nodes.size(); i++) {
            String prefix = chain ? "layers." + i + "." : nodes.get(i).name + ".";
            nodes.get(i).state.forEach((name, t) -> state.put(prefix + name, t));
        }
        return state;
    }

    private boolean isChain() {
        String previous = Graph.INPUT;
        for (Node n : nodes) {
            if (!n.inputs.equals(List.of(previous))) {
                return false;
            }
            previous = n.name;
        }
        return true;
    }
}
