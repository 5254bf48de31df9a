package org.descent.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.io.SequentialSpec;
import org.descent.io.Topology;
import org.descent.nn.Module;
import org.descent.tensor.Tensor;

/**
 * A Descent export's own spec back from its {@code descent.spec} metadata, when the ONNX operators
 * give its layers: the same topology, or a {@code Sequential} whose identity and dropout layers
 * (written as Identity, read as nothing) are the only difference; they are put back in their
 * places (a dropout layer's random state is new: it only draws training masks).
 */
final class StoredSpec {
    private static final Set<String> INVISIBLE = Set.of("identity", "dropout");

    private StoredSpec() {
    }

    /** The model of the stored spec with the imported {@code state}, or null if the spec does not fit what was read. */
    static Model restore(String json, Topology topology, int features, Map<String, Tensor> state, String source) {
        if (json == null) {
            return null;
        }
        NetworkSpec stored = NetworkSpec.fromJson(json, source + " (descent.spec metadata)");
        if (stored.inputSize() != features) {
            return null;
        }
        if (stored.topology().equals(topology)) {
            Module built = stored.build(new Random(0));
            built.loadState(state, source);
            return new Model(stored, built);
        }
        if (!(stored.topology() instanceof SequentialSpec layers) || !(topology instanceof SequentialSpec read)) {
            return null;
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < layers.layers().size(); i++) {
            if (!INVISIBLE.contains(layers.layers().get(i).kind())) {
                kept.add(i);
            }
        }
        if (!kept.stream().map(layers.layers()::get).toList().equals(read.layers())) {
            return null;
        }
        Module built = stored.build(new Random(0));
        Map<String, Tensor> full = new LinkedHashMap<>(built.state());
        state.forEach((name, tensor) -> {
            int dot = name.indexOf('.', "layers.".length());
            int index = Integer.parseInt(name.substring("layers.".length(), dot));
            full.put("layers." + kept.get(index) + name.substring(dot), tensor);
        });
        built.loadState(full, source);
        return new Model(stored, built);
    }
}
