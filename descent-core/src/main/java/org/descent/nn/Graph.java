package org.descent.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/**
 * A network shaped as a directed acyclic graph: each node applies a module to the output of one
 * or several earlier nodes, joined by {@link Combine#SUM} or {@link Combine#CONCAT}, which makes
 * skip (residual) connections possible. Backpropagation through the graph adds the gradients
 * arriving at a node from all its readers.
 *
 * <pre>{@code
 * Graph net = Graph.builder(3)
 *         .add("h1", new Linear(3, 4, random), "input")
 *         .add("a1", new Tanh(), "h1")
 *         .add("h2", new Linear(4, 4, random), "a1")
 *         .add("a2", new Tanh(), "h2")
 *         .add("out", new Linear(7, 2, random), Combine.CONCAT, "input", "a2")
 *         .build();
 * }</pre>
 *
 * The network input is the node {@code "input"}; the output is the last node. Parameters are
 * named after their node ({@code h1.weight}). Sizes are checked as nodes are added.
 *
 * <p>Shape: input (N, inputSize), output (N, size of the last node).
 */
public final class Graph extends Module {
    /** The name by which nodes read the network input. */
    public static final String INPUT = "input";

    private final int inputSize;
    private final List<GraphNode> nodes;

    Graph(int inputSize, List<GraphNode> nodes) {
        this.inputSize = inputSize;
        this.nodes = List.copyOf(nodes);
        for (GraphNode node : nodes) {
            addModule(node.name(), node.module());
        }
    }

    /** A builder for a graph whose input has {@code inputSize} features. */
    public static GraphBuilder builder(int inputSize) {
        return new GraphBuilder(inputSize);
    }

    public int inputSize() {
        return inputSize;
    }

    /** The nodes in the order they run; the last one is the output. */
    public List<GraphNode> nodes() {
        return nodes;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.shape().rank() != 2 || input.shape().dim(1) != inputSize) {
            throw new ShapeException("Graph: input of shape " + input.shape() + " does not fit; expected (N, "
                    + inputSize + ")");
        }
        Map<String, Tensor> outputs = new HashMap<>();
        outputs.put(INPUT, input);
        Tensor last = input;
        for (GraphNode node : nodes) {
            List<Tensor> inputs = new ArrayList<>();
            for (String name : node.inputs()) {
                inputs.add(outputs.get(name));
            }
            try {
                last = node.module().forward(node.combine().apply(inputs));
            } catch (ShapeException e) {
                throw new ShapeException("graph node '" + node.name() + "': " + e.getMessage());
            }
            outputs.put(node.name(), last);
        }
        return last;
    }

    @Override
    public int outputSize(int size) {
        if (size >= 0 && size != inputSize) {
            throw new ShapeException("Graph expects " + inputSize + " input features but gets " + size);
        }
        return nodes.get(nodes.size() - 1).outputSize();
    }

    /** One line per node, with the nodes it reads. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Graph(input: ").append(inputSize).append(" features\n");
        for (GraphNode node : nodes) {
            sb.append("  (").append(node.name()).append("): ").append(node.describe()).append('\n');
        }
        return sb.append(')').toString();
    }
}
