package org.descent.nn;

import java.util.Objects;
import java.util.Set;
import org.descent.DescentException;

/**
 * One layer as a model file names it: a registered {@code kind} and its arguments, written in
 * JSON as {@code {"kind": "linear", "out": 256}} or {@code {"kind": "relu"}}. The kind must be
 * registered ({@link LayerRegistry}) and take every argument given; the argument values are
 * checked when the layer is laid out or built.
 */
public record LayerSpec(String kind, LayerArguments arguments) {

    public LayerSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(arguments, "arguments");
        LayerRegistry.type(kind).checkArguments(arguments);
    }

    /** A linear layer with {@code out} output features. */
    public static LayerSpec linear(int out) {
        if (out <= 0) {
            throw new DescentException("a linear layer needs a positive size, got " + out);
        }
        return new LayerSpec(LayerRegistry.LINEAR.kind(), LayerArguments.of("out", out));
    }

    /** An activation layer from the {@link Activations} table, e.g. {@code activation("relu")}. */
    public static LayerSpec activation(String name) {
        if (!Activations.names().contains(name)) {
            throw new DescentException("unknown activation '" + name + "'; the activations are " + Activations.names());
        }
        return new LayerSpec(name, LayerArguments.none());
    }

    /** {@code Linear(256)}, {@code relu}, or the kind with its arguments: {@code multiplicative_combination(units=4, out=2)}. */
    @Override
    public String toString() {
        if (kind.equals(LayerRegistry.LINEAR.kind()) && arguments.values().keySet().equals(Set.of("out"))) {
            return "Linear(" + arguments.values().get("out") + ")";
        }
        return arguments.values().isEmpty() ? kind : kind + "(" + arguments + ")";
    }
}
