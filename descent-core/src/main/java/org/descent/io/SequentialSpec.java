package org.descent.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.descent.DescentException;
import org.descent.nn.LayerLayout;
import org.descent.nn.LayerSpec;
import org.descent.nn.Module;
import org.descent.nn.Sequential;
import org.descent.tensor.Shape;

/** A {@link Sequential} network: layer i is {@code layers.i}, fed the output of layer i − 1. */
public record SequentialSpec(List<LayerSpec> layers) implements Topology {

    public SequentialSpec {
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
        if (layers.isEmpty()) {
            throw new DescentException("a network needs at least one layer");
        }
    }

    @Override
    public LayerLayout layout(int inputSize) {
        Map<String, Shape> state = new LinkedHashMap<>();
        int size = inputSize;
        for (int i = 0; i < layers.size(); i++) {
            LayerLayout layer = Topology.layoutOf(layers.get(i), size, "layers." + i);
            String prefix = "layers." + i + ".";
            layer.state().forEach((name, shape) -> state.put(prefix + name, shape));
            size = layer.outputSize();
        }
        return new LayerLayout(size, state);
    }

    @Override
    public Module build(int inputSize, Random random) {
        Module[] modules = new Module[layers.size()];
        int size = inputSize;
        for (int i = 0; i < modules.length; i++) {
            modules[i] = Topology.create(layers.get(i), size, random, "layers." + i);
            size = modules[i].outputSize(size);
        }
        return new Sequential(modules);
    }

    @Override
    public String describe(int inputSize) {
        StringBuilder sb = new StringBuilder().append(inputSize);
        layers.forEach(layer -> sb.append(" → ").append(layer));
        return sb.toString();
    }
}
