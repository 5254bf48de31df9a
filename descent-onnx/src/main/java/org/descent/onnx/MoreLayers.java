package org.descent.onnx;

import java.util.List;

/**
 * The ONNX entries (opset 17) of the layer kinds added beside the first ones: dropout (Identity:
 * ONNX models are evaluated), batch_norm (BatchNormalization with the running statistics, its
 * momentum m written as ONNX's 1 − m), layer_norm (LayerNormalization over the features), gelu
 * (x·½(1 + erf(x/√2)) through Erf, as opset 17 has no Gelu), gelu_tanh (½x(1 + tanh(√(2/π)(x + 0.044715x³)))), silu (x·σ(x)),
 * leaky_relu and elu (LeakyRelu, Elu with their alpha).
 */
final class MoreLayers {
    private MoreLayers() {
    }

    static void registerAll() {
        OnnxLayers.register("dropout", (graph, layer, input) -> graph.node("Identity", layer.name(), List.of(input)));
        OnnxLayers.register("batch_norm", (graph, layer, input) -> graph.node("BatchNormalization", layer.name(),
                List.of(input, graph.initializer(layer.prefix() + "weight", layer.tensor("weight")),
                        graph.initializer(layer.prefix() + "bias", layer.tensor("bias")),
                        graph.initializer(layer.prefix() + "running_mean", layer.tensor("running_mean")),
                        graph.initializer(layer.prefix() + "running_var", layer.tensor("running_var"))),
                OnnxGraph.floatAttribute("epsilon", layer.spec().arguments().number("eps", 1e-5)),
                OnnxGraph.floatAttribute("momentum", 1 - layer.spec().arguments().number("momentum", 0.1))));
        OnnxLayers.register("layer_norm", (graph, layer, input) -> graph.node("LayerNormalization", layer.name(),
                List.of(input, graph.initializer(layer.prefix() + "weight", layer.tensor("weight")),
                        graph.initializer(layer.prefix() + "bias", layer.tensor("bias"))),
                OnnxGraph.intAttribute("axis", -1),
                OnnxGraph.floatAttribute("epsilon", layer.spec().arguments().number("eps", 1e-5))));
        OnnxLayers.register("gelu", (graph, layer, input) -> {
            String n = layer.name();
            String scaled = graph.node("Div", n + ".scaled", List.of(input, graph.scalar(n + ".sqrt2", Math.sqrt(2))));
            String erf = graph.node("Erf", n + ".erf", List.of(scaled));
            String plusOne = graph.node("Add", n + ".plus1", List.of(erf, graph.scalar(n + ".one", 1)));
            String times = graph.node("Mul", n + ".times_x", List.of(input, plusOne));
            return graph.node("Mul", n, List.of(times, graph.scalar(n + ".half", 0.5)));
        });
        OnnxLayers.register("gelu_tanh", (graph, layer, input) -> {
            String n = layer.name();
            String cube = graph.node("Mul", n + ".cube", List.of(graph.node("Mul", n + ".square", List.of(input, input)),
                    input));
            String inner = graph.node("Add", n + ".inner", List.of(input,
                    graph.node("Mul", n + ".cubic", List.of(cube, graph.scalar(n + ".c", 0.044715)))));
            String tanh = graph.node("Tanh", n + ".tanh", List.of(graph.node("Mul", n + ".scaled",
                    List.of(inner, graph.scalar(n + ".k", Math.sqrt(2 / Math.PI))))));
            String plusOne = graph.node("Add", n + ".plus1", List.of(tanh, graph.scalar(n + ".one", 1)));
            String times = graph.node("Mul", n + ".times_x", List.of(input, plusOne));
            return graph.node("Mul", n, List.of(times, graph.scalar(n + ".half", 0.5)));
        });
        OnnxLayers.register("silu", (graph, layer, input) -> graph.node("Mul", layer.name(),
                List.of(input, graph.node("Sigmoid", layer.name() + ".sigmoid", List.of(input)))));
        OnnxLayers.register("leaky_relu", (graph, layer, input) -> graph.node("LeakyRelu", layer.name(), List.of(input),
                OnnxGraph.floatAttribute("alpha", layer.spec().arguments().number("alpha", 0.01))));
        OnnxLayers.register("elu", (graph, layer, input) -> graph.node("Elu", layer.name(), List.of(input),
                OnnxGraph.floatAttribute("alpha", layer.spec().arguments().number("alpha", 1.0))));
    }
}
