package org.descent.io;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.descent.DescentException;
import org.descent.nn.Combine;
import org.descent.nn.Graph;
import org.descent.nn.LayerSpec;

/**
 * One node of a {@link GraphSpec}: {@code layer} applied to the outputs of {@code inputs} (earlier
 * nodes or {@code "input"}) joined by {@code combine}; its state is named {@code name.weight} etc.
 */
public record GraphNodeSpec(String name, LayerSpec layer, Combine combine, List<String> inputs) {

    public GraphNodeSpec {
        if (name == null || name.isEmpty() || name.contains(".") || name.equals(Graph.INPUT)) {
            throw new DescentException("a graph node name must be non-empty, without '.' and not '" + Graph.INPUT
                    + "', got '" + name + "'");
        }
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(combine, "combine");
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
        if (inputs.isEmpty()) {
            throw new DescentException("graph node '" + name + "' reads no inputs; name earlier nodes or '"
                    + Graph.INPUT + "'");
        }
    }

    /** {@code h2: Linear(4) ← a1} or {@code out: Linear(2) ← concat(input, a2)}. */
    @Override
    public String toString() {
        String from = inputs.size() == 1 ? inputs.get(0)
                : combine.name().toLowerCase(Locale.ROOT) + "(" + String.join(", ", inputs) + ")";
        return name + ": " + layer + " ← " + from;
    }
}
