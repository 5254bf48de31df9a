package org.descent.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.descent.DescentException;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.io.Topology;
import org.descent.nn.Graph;
import org.descent.nn.Module;
import org.descent.onnx.proto.Onnx.GraphProto;
import org.descent.onnx.proto.Onnx.ModelProto;
import org.descent.onnx.proto.Onnx.NodeProto;
import org.descent.onnx.proto.Onnx.OperatorSetIdProto;
import org.descent.onnx.proto.Onnx.StringStringEntryProto;
import org.descent.onnx.proto.Onnx.TensorProto;
import org.descent.onnx.proto.Onnx.TensorShapeProto;
import org.descent.onnx.proto.Onnx.ValueInfoProto;
import org.descent.tensor.Tensor;

/**
 * An ONNX model as a Descent {@link Model}, for feed-forward graphs of the operators Descent has
 * (see {@link OnnxOps}): one float input of shape (batch, features), one output. A model Descent
 * exported keeps its task, classes and normalization (the {@code descent.spec} metadata); any other
 * is a {@code regression} (loss {@code l2}), or {@code multiclass} if it ends in Softmax or
 * LogSoftmax, and a first {@code Sub}/{@code Div} by constants on the input becomes its normalization.
 *
 * <pre>{@code
 * Model model = OnnxImport.read(Path.of("torch.onnx"));
 * ModelFile.save(Path.of("torch.safetensors"), model);
 * }</pre>
 */
public final class OnnxImport {
    /** The oldest and newest default-domain opsets read. */
    public static final int MIN_OPSET = 9;
    public static final int MAX_OPSET = 21;

    private OnnxImport() {
    }

    /** Reads and converts the ONNX file at {@code path}. */
    public static Model read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new DescentException("cannot read ONNX file " + path + ": " + e, e);
        }
        return fromBytes(bytes, path.toString());
    }

    /** Reads the ONNX file at {@code onnx} and saves it as a Descent model file at {@code out} (atomically); returns the model. */
    public static Model write(Path onnx, Path out) {
        Model model = read(onnx);
        org.descent.io.ModelFile.save(out, model);
        return model;
    }

    /** Converts the ONNX model in {@code bytes}; {@code source} names it in errors. */
    public static Model fromBytes(byte[] bytes, String source) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new DescentException(source + " is not an ONNX model: the protobuf does not parse (" + e.getMessage()
                    + "); the file is corrupt, truncated or of another format");
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new DescentException(source + " is not an ONNX model: it has no graph nodes (corrupt file or another format)");
        }
        checkOpset(model, source);
        return convert(model, source);
    }

    private static void checkOpset(ModelProto model, String source) {
        long opset = -1;
        for (OperatorSetIdProto id : model.getOpsetImportList()) {
            if (id.getDomain().isEmpty() || id.getDomain().equals("ai.onnx")) {
                opset = id.getVersion();
            }
        }
        if (opset < MIN_OPSET || opset > MAX_OPSET) {
            throw new DescentException(source + " uses ONNX opset " + (opset < 0 ? "(none)" : opset) + "; Descent reads opsets "
                    + MIN_OPSET + " to " + MAX_OPSET + " (export with opset_version=17)");
        }
    }

    private static Model convert(ModelProto model, String source) {
        GraphProto graph = model.getGraph();
        Map<String, Tensor> constants = new HashMap<>();
        for (TensorProto t : graph.getInitializerList()) {
            constants.put(t.getName(), OnnxConstants.toTensor(t, source));
        }
        List<ValueInfoProto> inputs = new ArrayList<>();
        for (ValueInfoProto v : graph.getInputList()) {
            if (!constants.containsKey(v.getName())) {
                inputs.add(v);
            }
        }
        if (inputs.size() != 1 || graph.getOutputCount() != 1) {
            throw new DescentException(source + " has " + inputs.size() + " inputs and " + graph.getOutputCount()
                    + " outputs; Descent takes networks with one input and one output");
        }
        int features = features(inputs.get(0), source);
        OnnxOps ops = new OnnxOps(source, constants, inputs.get(0).getName(), features);
        // Constants first (they are values, wherever they stand), then GELU patterns collapse to one node each.
        graph.getNodeList().stream().filter(n -> n.getOpType().equals("Constant")).forEach(ops::apply);
        List<NodeProto> nodes = SiluPattern.collapse(GeluPatterns.collapse(graph.getNodeList(), ops.constants()));
        // An Erf left over is refused before the nodes around it: a GELU that did not match is the real problem.
        nodes.stream().filter(n -> n.getOpType().equals("Erf")).findFirst().ifPresent(ops::apply);
        ops.countReaders(nodes);
        for (NodeProto node : nodes.stream().filter(n -> !n.getOpType().equals("Constant")).toList()) {
            ops.apply(node);
        }
        String output = ops.descentNodeOf(graph.getOutput(0).getName());
        ImportedNetwork network = ops.network();
        Topology topology = network.topology(output, source);
        Map<String, String> metadata = new HashMap<>();
        for (StringStringEntryProto e : model.getMetadataPropsList()) {
            metadata.put(e.getKey(), e.getValue());
        }
        Model stored = StoredSpec.restore(metadata.get("descent.spec"), topology, features, network.state(), source);
        if (stored != null) {
            return stored;
        }
        NetworkSpec spec = spec(topology, features, ops.normalization());
        Module built = spec.build(new Random(0));
        built.loadState(network.state(), source);
        return new Model(spec, built);
    }

    private static NetworkSpec spec(Topology topology, int features, Normalize normalize) {
        String last = topology.layers().get(topology.layers().size() - 1).kind();
        int outputs = topology.layout(features).outputSize();
        boolean classes = last.endsWith("softmax");
        return new NetworkSpec(features, topology, classes ? "multiclass" : "regression", classes ? "cross_entropy" : "l2",
                classes ? outputs : 0, List.of(), normalize, 0);
    }

    private static int features(ValueInfoProto input, String source) {
        var type = input.getType();
        if (!type.hasTensorType() || (type.getTensorType().getElemType() != TensorProto.DataType.FLOAT_VALUE
                && type.getTensorType().getElemType() != TensorProto.DataType.DOUBLE_VALUE)) {
            throw new DescentException(source + ": input '" + input.getName() + "' is not a float tensor; Descent takes"
                    + " a float tensor of shape [batch, features]");
        }
        TensorShapeProto shape = type.getTensorType().getShape();
        List<String> dims = new ArrayList<>();
        shape.getDimList().forEach(d -> dims.add(d.hasDimValue() ? String.valueOf(d.getDimValue()) : d.getDimParam()));
        if (shape.getDimCount() != 2 || !shape.getDim(1).hasDimValue() || shape.getDim(1).getDimValue() <= 0) {
            throw new DescentException(source + ": input '" + input.getName() + "' has shape " + dims
                    + "; Descent takes a batch of vectors, [batch, features] with a fixed number of features");
        }
        return (int) shape.getDim(1).getDimValue();
    }

    /** The operators read, for messages and docs. */
    public static Set<String> operators() {
        return new HashSet<>(OnnxOps.SUPPORTED);
    }

    static String input() {
        return Graph.INPUT;
    }
}
