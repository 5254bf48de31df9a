package org.descent.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.descent.DescentException;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/**
 * Builds a {@link Graph} node by node; obtained from {@link Graph#builder(int)}. A node may only
 * read nodes added before it (or {@code "input"}), so the graph is acyclic by construction, and
 * each node's feature sizes are checked as it is added.
 */
public final class GraphBuilder {
    private final int inputSize;
    private final List<GraphNode> nodes = new ArrayList<>();
    private final Map<String, Integer> sizes = new LinkedHashMap<>();

    GraphBuilder(int inputSize) {
        if (inputSize <= 0) {
            throw new DescentException("Graph needs a positive number of input features, got " + inputSize);
        }
        this.inputSize = inputSize;
        sizes.put(Graph.INPUT, inputSize);
    }

    /** Adds node {@code name} computing {@code module} of the output of one earlier node. */
    public GraphBuilder add(String name, Module module, String input) {
        return add(name, module, Combine.SUM, input);
    }

    /**
     * Adds node {@code name} computing {@code module} of the outputs of earlier nodes joined by
     * {@code combine}. Its parameters are named {@code name.weight} and so on.
     */
    public GraphBuilder add(String name, Module module, Combine combine, String... inputs) {
        checkName(name);
        if (inputs.length == 0) {
            throw new DescentException("graph node '" + name + "' has no inputs; name one or more earlier nodes or '"
                    + Graph.INPUT + "'");
        }
        int[] inputSizes = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Integer size = sizes.get(inputs[i]);
            if (size == null) {
                throw new DescentException("graph node '" + name + "' reads '" + inputs[i]
                        + "', which is not an earlier node; known so far: " + sizes.keySet());
            }
            inputSizes[i] = size;
        }
        int combined = combinedSize(name, combine, inputs, inputSizes);
        int outputSize;
        try {
            outputSize = module.outputSize(combined);
        } catch (ShapeException e) {
            throw new ShapeException("graph node '" + name + "': " + e.getMessage());
        }
        nodes.add(new GraphNode(name, module, combine, List.of(inputs), outputSize));
        sizes.put(name, outputSize);
        return this;
    }

    /** The graph; its output is the last node added. */
    public Graph build() {
        if (nodes.isEmpty()) {
            throw new DescentException("a Graph needs at least one node; add one with add(name, module, \"input\")");
        }
        return new Graph(inputSize, nodes);
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new DescentException("graph node name must be non-empty and without '.', got '" + name + "'");
        }
        if (sizes.containsKey(name)) {
            throw new DescentException("graph already has a node named '" + name + "'");
        }
    }

    /** The number of features the joined inputs have, or −1 if some input's size is unknown. */
    private static int combinedSize(String name, Combine combine, String[] inputs, int[] inputSizes) {
        int total = 0;
        for (int i = 0; i < inputs.length; i++) {
            if (inputSizes[i] < 0) {
                return -1;
            }
            if (combine == Combine.SUM && inputSizes[i] != inputSizes[0]) {
                throw new ShapeException("graph node '" + name + "': SUM of '" + inputs[0] + "' (N, " + inputSizes[0]
                        + ") and '" + inputs[i] + "' (N, " + inputSizes[i] + ") needs equal feature sizes; "
                        + "use Combine.CONCAT to join them side by side");
            }
            total += inputSizes[i];
        }
        return combine == Combine.SUM ? inputSizes[0] : total;
    }
}
