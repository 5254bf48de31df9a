package org.descent.nn;

import java.util.List;

/**
 * One step of a {@link Graph}: {@code module} applied to its {@code inputs} joined by
 * {@code combine}, giving {@code outputSize} features (−1 if unknown).
 */
public record GraphNode(String name, Module module, Combine combine, List<String> inputs, int outputSize) {

    public GraphNode {
        inputs = List.copyOf(inputs);
    }

    /** E.g. {@code Linear(in=7, out=2) <- concat(input, a2)}. */
    String describe() {
        String from = inputs.size() == 1 ? inputs.get(0)
                : combine.name().toLowerCase() + "(" + String.join(", ", inputs) + ")";
        return module.toString().replace("\n", "\n  ") + " <- " + from;
    }
}
