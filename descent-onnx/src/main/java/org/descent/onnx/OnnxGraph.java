package org.descent.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.descent.onnx.proto.Onnx.AttributeProto;
import org.descent.onnx.proto.Onnx.NodeProto;
import org.descent.onnx.proto.Onnx.TensorProto;
import org.descent.tensor.Tensor;

/**
 * The ONNX graph being written: nodes in the order they run and the initializers (weights and
 * constants) they read, each value under a unique name. A {@link LayerExporter} adds its layer's
 * nodes through {@link #node} and its weights through {@link #initializer}.
 */
public final class OnnxGraph {
    private final List<NodeProto> nodes = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    OnnxGraph(String input) {
        names.add(input);
    }

    /**
     * Adds a node {@code opType} reading {@code inputs}; returns the name of its one output,
     * {@code output} or, if taken, {@code output} with a number added.
     */
    public String node(String opType, String output, List<String> inputs, AttributeProto... attributes) {
        String name = unique(output);
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(name).addOutput(name)
                .addAllInput(inputs);
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        nodes.add(node.build());
        return name;
    }

    /** Adds {@code value} as a float32 initializer named {@code name} (unique: a number is added if taken); returns the name. */
    public String initializer(String name, Tensor value) {
        String unique = unique(name);
        initializers.add(OnnxTensors.toProto(unique, value));
        return unique;
    }

    /** An integer attribute, e.g. {@code transB = 1} of Gemm. */
    public static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    private String unique(String wanted) {
        String name = wanted;
        for (int i = 1; !names.add(name); i++) {
            name = wanted + "_" + i;
        }
        return name;
    }

    /** Renames the last node's output to {@code output} (the graph's output name). */
    void renameLastOutput(String from, String output) {
        for (int i = 0; i < nodes.size(); i++) {
            NodeProto node = nodes.get(i);
            NodeProto.Builder b = node.toBuilder();
            for (int k = 0; k < node.getInputCount(); k++) {
                if (node.getInput(k).equals(from)) {
                    b.setInput(k, output);
                }
            }
            for (int k = 0; k < node.getOutputCount(); k++) {
                if (node.getOutput(k).equals(from)) {
                    b.setOutput(k, output);
                }
            }
            nodes.set(i, b.build());
        }
    }

    /** Whether a value of this name exists (an input, a node output or an initializer). */
    boolean has(String name) {
        return names.contains(name);
    }

    List<NodeProto> nodes() {
        return nodes;
    }

    List<TensorProto> initializers() {
        return initializers;
    }
}
