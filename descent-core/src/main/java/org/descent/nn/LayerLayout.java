package org.descent.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.descent.DescentException;
import org.descent.tensor.Shape;

/**
 * What a layer of given arguments, fed a given number of features, will be, known before it is
 * built: its number of output features and the shape of each tensor of its {@link Module#state()}
 * (names relative to the layer). A model file is checked against it before anything is allocated.
 */
public record LayerLayout(int outputSize, Map<String, Shape> state) {

    public LayerLayout {
        state = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(state, "state")));
    }

    /** A layer that keeps the number of features and holds no tensors (an activation). */
    public static LayerLayout sameSize(int inputSize) {
        return new LayerLayout(inputSize, Map.of());
    }

    /** {@code outputSize} and name, shape pairs: {@code of(out, "weight", Shape.of(out, in), "bias", Shape.of(out))}. */
    public static LayerLayout of(int outputSize, Object... namesAndShapes) {
        if (namesAndShapes.length % 2 != 0) {
            throw new DescentException("LayerLayout.of needs name, shape pairs, got " + namesAndShapes.length
                    + " items");
        }
        Map<String, Shape> state = new LinkedHashMap<>();
        for (int i = 0; i < namesAndShapes.length; i += 2) {
            state.put((String) namesAndShapes[i], (Shape) namesAndShapes[i + 1]);
        }
        return new LayerLayout(outputSize, state);
    }
}
