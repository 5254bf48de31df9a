package org.descent.io;

import java.util.Objects;
import org.descent.DescentException;

/**
 * One layer of a {@link NetworkSpec}: {@code linear} with its number of output features, or an
 * activation by name ({@code relu}, see {@link LayerKinds#activationNames()}) with size 0.
 */
public record LayerSpec(String kind, int size) {

    public LayerSpec {
        Objects.requireNonNull(kind, "kind");
        if (kind.equals(LayerKinds.LINEAR)) {
            if (size <= 0) {
                throw new DescentException("a linear layer needs a positive size, got " + size);
            }
        } else if (!LayerKinds.isActivation(kind)) {
            throw new DescentException("unknown layer kind '" + kind + "'; expected " + LayerKinds.LINEAR
                    + " or one of the activations " + LayerKinds.activationNames());
        } else if (size != 0) {
            throw new DescentException("activation '" + kind + "' keeps the number of features and takes no size, got "
                    + size);
        }
    }

    /** A linear layer with {@code size} output features. */
    public static LayerSpec linear(int size) {
        return new LayerSpec(LayerKinds.LINEAR, size);
    }

    /** An activation layer, e.g. {@code activation("relu")}. */
    public static LayerSpec activation(String name) {
        return new LayerSpec(name, 0);
    }

    /** {@code Linear(256)} or {@code relu}. */
    @Override
    public String toString() {
        return kind.equals(LayerKinds.LINEAR) ? "Linear(" + size + ")" : kind;
    }
}
