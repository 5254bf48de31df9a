package org.descent.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.descent.DescentException;
import org.descent.data.Normalize;
import org.descent.io.AtomicFiles;
import org.descent.io.GraphNodeSpec;
import org.descent.io.GraphSpec;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.io.SequentialSpec;
import org.descent.nn.Combine;
import org.descent.nn.LayerLayout;
import org.descent.nn.LayerRegistry;
import org.descent.nn.LayerSpec;
import org.descent.onnx.proto.Onnx.GraphProto;
import org.descent.onnx.proto.Onnx.ModelProto;
import org.descent.onnx.proto.Onnx.OperatorSetIdProto;
import org.descent.onnx.proto.Onnx.StringStringEntryProto;
import org.descent.onnx.proto.Onnx.TensorProto;
import org.descent.onnx.proto.Onnx.TensorShapeProto;
import org.descent.onnx.proto.Onnx.TypeProto;
import org.descent.onnx.proto.Onnx.ValueInfoProto;
import org.descent.tensor.Tensor;

/**
 * A Descent {@link Model} as an ONNX model (opset {@value #OPSET}, IR version {@value #IR_VERSION}):
 * one float32 input {@value #INPUT} of shape (batch, inputSize) with a dynamic batch dimension,
 * one float32 output {@value #OUTPUT} of shape (batch, outputSize), the stored input normalization
 * as a first Sub/Div, then each layer's nodes from {@link OnnxLayers}; a {@code Graph} node's
 * inputs are joined by Add (sum) or Concat(axis=1). Weights are initializers under their model
 * file names ({@code layers.0.weight}), rounded to float32. The model's spec is kept in the
 * metadata ({@code descent.spec}).
 *
 * <pre>{@code
 * OnnxExport.write(ModelFile.load(Path.of("m.safetensors")), Path.of("m.onnx"));
 * }</pre>
 */
public final class OnnxExport {
    /** The ONNX operator set the files use. */
    public static final int OPSET = 17;
    /** The IR version of opset 17 (ONNX 1.12). */
    public static final int IR_VERSION = 8;
    /** The name of the graph input. */
    public static final String INPUT = "input";
    /** The name of the graph output. */
    public static final String OUTPUT = "output";
    /** The name of the dynamic batch dimension. */
    public static final String BATCH = "batch";

    private OnnxExport() {
    }

    /** Writes {@code model} as ONNX to {@code path}, atomically. */
    public static void write(Model model, Path path) {
        AtomicFiles.write(path, toProto(model).toByteArray());
    }

    /** The ONNX file's bytes. */
    public static byte[] toBytes(Model model) {
        return toProto(model).toByteArray();
    }

    /** The ONNX model. */
    public static ModelProto toProto(Model model) {
        NetworkSpec spec = model.spec();
        Map<String, Tensor> state = model.network().state();
        OnnxGraph graph = new OnnxGraph(INPUT);
        String x = normalization(graph, spec.normalization());
        String last;
        if (spec.topology() instanceof SequentialSpec sequential) {
            last = sequential(graph, sequential, spec.inputSize(), x, state);
        } else {
            last = graph(graph, (GraphSpec) spec.topology(), spec.inputSize(), x, state);
        }
        if (last.equals(INPUT)) {
            last = graph.node("Identity", OUTPUT, List.of(last));
        } else {
            graph.renameLastOutput(last, OUTPUT);
        }
        GraphProto proto = GraphProto.newBuilder().setName("descent")
                .setDocString(spec.architecture())
                .addAllNode(graph.nodes()).addAllInitializer(graph.initializers())
                .addInput(valueInfo(INPUT, spec.inputSize())).addOutput(valueInfo(OUTPUT, spec.outputSize()))
                .build();
        return ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("descent").setProducerVersion("0.1.0")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("descent.spec").setValue(spec.toJson()))
                .setGraph(proto).build();
    }

    private static String normalization(OnnxGraph graph, Normalize normalize) {
        if (normalize == null) {
            return INPUT;
        }
        String shift = graph.initializer("normalization.shift", OnnxTensors.vector(normalize.shift()));
        String scale = graph.initializer("normalization.scale", OnnxTensors.vector(normalize.scale()));
        String centered = graph.node("Sub", "normalization.centered", List.of(INPUT, shift));
        return graph.node("Div", "normalized", List.of(centered, scale));
    }

    private static String sequential(OnnxGraph graph, SequentialSpec spec, int inputSize, String input,
                                     Map<String, Tensor> state) {
        String value = input;
        int size = inputSize;
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            value = layer(graph, layer, "layers." + i, size, value, state);
            size = LayerRegistry.layout(layer, size).outputSize();
        }
        return value;
    }

    private static String graph(OnnxGraph graph, GraphSpec spec, int inputSize, String input, Map<String, Tensor> state) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        values.put(INPUT, input);
        sizes.put(INPUT, inputSize);
        String last = input;
        for (GraphNodeSpec node : spec.nodes()) {
            List<String> inputs = new ArrayList<>();
            int size = 0;
            for (String name : node.inputs()) {
                inputs.add(values.get(name));
                size = node.combine() == Combine.SUM ? sizes.get(name) : size + sizes.get(name);
            }
            String joined = inputs.get(0);
            if (inputs.size() > 1 && node.combine() == Combine.CONCAT) {
                joined = graph.node("Concat", node.name() + ".concat", inputs, OnnxGraph.intAttribute("axis", 1));
            } else {
                for (int k = 1; k < inputs.size(); k++) {
                    joined = graph.node("Add", node.name() + ".sum", List.of(joined, inputs.get(k)));
                }
            }
            last = layer(graph, node.layer(), node.name(), size, joined, state);
            values.put(node.name(), last);
            sizes.put(node.name(), LayerRegistry.layout(node.layer(), size).outputSize());
        }
        return last;
    }

    private static String layer(OnnxGraph graph, LayerSpec layer, String name, int inputSize, String input,
                                Map<String, Tensor> state) {
        LayerLayout layout = LayerRegistry.layout(layer, inputSize);
        Map<String, Tensor> own = new LinkedHashMap<>();
        for (String tensor : layout.state().keySet()) {
            Tensor t = state.get(name + "." + tensor);
            if (t == null) {
                throw new DescentException("layer " + name + " has no tensor '" + name + "." + tensor + "' in the network's state");
            }
            own.put(tensor, t);
        }
        return OnnxLayers.of(layer.kind(), name).export(graph, new LayerExporter.Layer(layer, name, inputSize, own), input);
    }

    private static ValueInfoProto valueInfo(String name, int features) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(features)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }
}
