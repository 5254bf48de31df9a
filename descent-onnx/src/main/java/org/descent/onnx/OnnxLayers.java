package org.descent.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.descent.DescentException;

/**
 * The one table from Descent layer kind ({@code nn.LayerRegistry}) to its ONNX nodes. A new
 * layer kind is one {@link #register} line; a kind without an entry is refused by name when a
 * network holding it is exported.
 *
 * <table>
 *   <caption>Built-in entries</caption>
 *   <tr><th>kind</th><th>ONNX (opset 17)</th></tr>
 *   <tr><td>linear</td><td>Gemm(x, weight, bias, transB=1)</td></tr>
 *   <tr><td>multiplicative_combination</td><td>Gemm → Log → MatMul(alpha) → Exp</td></tr>
 *   <tr><td>identity, relu, sigmoid, tanh, softplus</td><td>Identity, Relu, Sigmoid, Tanh, Softplus</td></tr>
 *   <tr><td>softmax, log_softmax</td><td>Softmax(axis=-1), LogSoftmax(axis=-1)</td></tr>
 * </table>
 */
public final class OnnxLayers {
    private static final Map<String, LayerExporter> TABLE = new LinkedHashMap<>();

    static {
        register("linear", OnnxLayers::gemm);
        register("multiplicative_combination", (graph, layer, input) -> {
            String z = graph.node("Gemm", layer.name() + ".linear", List.of(input,
                    graph.initializer(layer.prefix() + "linear.weight", layer.tensor("linear.weight")),
                    graph.initializer(layer.prefix() + "linear.bias", layer.tensor("linear.bias"))),
                    OnnxGraph.intAttribute("transB", 1));
            String log = graph.node("Log", layer.name() + ".log", List.of(z));
            String sum = graph.node("MatMul", layer.name() + ".matmul", List.of(log,
                    graph.initializer(layer.prefix() + "alpha", layer.tensor("alpha"))));
            return graph.node("Exp", layer.name(), List.of(sum));
        });
        elementwise("identity", "Identity");
        elementwise("relu", "Relu");
        elementwise("sigmoid", "Sigmoid");
        elementwise("tanh", "Tanh");
        elementwise("softplus", "Softplus");
        register("softmax", (graph, layer, input) -> graph.node("Softmax", layer.name(), List.of(input),
                OnnxGraph.intAttribute("axis", -1)));
        register("log_softmax", (graph, layer, input) -> graph.node("LogSoftmax", layer.name(), List.of(input),
                OnnxGraph.intAttribute("axis", -1)));
    }

    private OnnxLayers() {
    }

    /** Makes layers of {@code kind} exportable (replacing an earlier entry of that kind). */
    public static synchronized void register(String kind, LayerExporter exporter) {
        TABLE.put(kind, exporter);
    }

    /** The kinds that export. */
    public static synchronized Set<String> kinds() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(TABLE.keySet()));
    }

    /** The exporter of {@code kind}; a kind without one is refused, naming the layer and the kinds that export. */
    static synchronized LayerExporter of(String kind, String where) {
        LayerExporter exporter = TABLE.get(kind);
        if (exporter == null) {
            throw new DescentException("layer " + where + " is of kind '" + kind + "', which has no ONNX export yet; "
                    + "the kinds that export are " + TABLE.keySet());
        }
        return exporter;
    }

    private static void elementwise(String kind, String opType) {
        register(kind, (graph, layer, input) -> graph.node(opType, layer.name(), List.of(input)));
    }

    private static String gemm(OnnxGraph graph, LayerExporter.Layer layer, String input) {
        return graph.node("Gemm", layer.name(), List.of(input,
                graph.initializer(layer.prefix() + "weight", layer.tensor("weight")),
                graph.initializer(layer.prefix() + "bias", layer.tensor("bias"))),
                OnnxGraph.intAttribute("transB", 1));
    }
}
