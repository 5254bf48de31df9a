package org.descent.onnx;

import java.util.Map;
import org.descent.nn.LayerSpec;
import org.descent.tensor.Tensor;

/**
 * Writes one layer kind as ONNX nodes: one entry of {@link OnnxLayers}' table. A Linear layer:
 *
 * <pre>{@code
 * (graph, layer, input) -> graph.node("Gemm", layer.name(), List.of(input,
 *         graph.initializer(layer.prefix() + "weight", layer.tensor("weight")),
 *         graph.initializer(layer.prefix() + "bias", layer.tensor("bias"))),
 *         OnnxGraph.intAttribute("transB", 1))
 * }</pre>
 */
@FunctionalInterface
public interface LayerExporter {

    /** Adds the nodes computing {@code layer} on the value {@code input}; returns the name of its output value. */
    String export(OnnxGraph graph, Layer layer, String input);

    /**
     * One layer to export: its spec, its name in the network ({@code layers.2}, or a graph node's
     * name), its input size and its state (the tensors under its name, relative: {@code weight}).
     */
    record Layer(LayerSpec spec, String name, int inputSize, Map<String, Tensor> state) {
        public Layer {
            state = Map.copyOf(state);
        }

        /** The prefix of its tensors' names in the model file, e.g. {@code layers.0.}. */
        public String prefix() {
            return name + ".";
        }

        /** The state tensor {@code name} (relative), e.g. {@code weight}. */
        public Tensor tensor(String relativeName) {
            Tensor t = state.get(relativeName);
            if (t == null) {
                throw new org.descent.DescentException("layer " + name + " (" + spec.kind() + ") has no tensor '"
                        + relativeName + "'; it has " + state.keySet());
            }
            return t;
        }
    }
}
