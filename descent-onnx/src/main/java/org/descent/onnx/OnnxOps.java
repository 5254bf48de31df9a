package org.descent.onnx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.descent.DescentException;
import org.descent.data.Normalize;
import org.descent.nn.Combine;
import org.descent.nn.LayerSpec;
import org.descent.onnx.proto.Onnx.NodeProto;
import org.descent.tensor.Tensor;

/**
 * The ONNX operators {@link OnnxImport} reads, one handler each, turning nodes into Descent
 * layers: Gemm (transA=0) and MatMul by a constant (+ an Add of a constant) → linear; Relu,
 * Sigmoid, Tanh, Softplus, Softmax and LogSoftmax (over the features) → their activations;
 * Identity and Dropout → nothing; Add and Concat(axis=1) of computed values → a node joining them
 * by sum or concat; Constant; and a first Sub/Div of the input by constants → the input
 * normalization. {@link NormOps} handles batch and layer normalization, GELU, LeakyRelu, Elu,
 * Reshape and Flatten.
 */
final class OnnxOps {
    static final List<String> SUPPORTED = List.of("Gemm", "MatMul", "Add", "Sub", "Div", "Relu", "Sigmoid", "Tanh",
            "Softplus", "Softmax", "LogSoftmax", "LeakyRelu", "Elu", "Gelu (or its Erf/Tanh pattern)", "Mul(x, Sigmoid(x)) as SiLU", "BatchNormalization",
            "LayerNormalization", "Identity", "Dropout", "Flatten", "Reshape", "Concat", "Constant");
    private static final Map<String, String> ACTIVATIONS = Map.of("Relu", "relu", "Sigmoid", "sigmoid", "Tanh", "tanh",
            "Softplus", "softplus", "Softmax", "softmax", "LogSoftmax", "log_softmax");

    /** A computed value: the Descent node holding it ({@code input} for the network input) and its features. */
    record Value(String node, int size, double[] shift) {
    }

    private final String source;
    private final Map<String, Tensor> constants;
    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, Integer> readers = new HashMap<>();
    private final ImportedNetwork network = new ImportedNetwork();
    private final NormOps more = new NormOps(this);
    private Normalize normalization;

    OnnxOps(String source, Map<String, Tensor> constants, String input, int features) {
        this.source = source;
        this.constants = new HashMap<>(constants);
        values.put(input, new Value(OnnxImport.input(), features, null));
    }

    ImportedNetwork network() {
        return network;
    }

    /** The initializers and the Constant nodes' values read so far. */
    Map<String, Tensor> constants() {
        return java.util.Collections.unmodifiableMap(constants);
    }

    Normalize normalization() {
        return normalization;
    }

    /** Counts, before {@link #apply}, how many nodes read each value. */
    void countReaders(List<NodeProto> nodes) {
        for (NodeProto node : nodes) {
            node.getInputList().forEach(name -> readers.merge(name, 1, Integer::sum));
        }
    }

    /** The Descent node computing the ONNX value {@code name}. */
    String descentNodeOf(String name) {
        Value v = values.get(name);
        if (v == null || v.shift != null) {
            throw new DescentException(source + ": the graph output '" + name + "' is not computed from the input by layers Descent has");
        }
        return v.node;
    }

    void apply(NodeProto node) {
        String op = node.getOpType();
        if (!node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx")) {
            throw unsupported(node, "of domain '" + node.getDomain() + "'");
        }
        switch (op) {
            case "Constant" -> constants.put(node.getOutput(0), OnnxConstants.toTensor(OnnxAttributes.attribute(node, "value", source).getT(), source));
            case "Gemm" -> gemm(node);
            case "MatMul" -> matMul(node);
            case "Add" -> add(node);
            case "Sub", "Div" -> normalize(node, op.equals("Sub"));
            case "Identity", "Dropout" -> pass(node);
            case "Concat" -> {
                long axis = OnnxAttributes.intAttribute(node, "axis", 1);
                if (axis != 1 && axis != -1) {
                    throw attributeError(node, "axis=" + axis, "Concat over the features (axis=1 or -1)");
                }
                join(node, Combine.CONCAT);
            }
            default -> {
                String kind = ACTIVATIONS.get(op);
                if (kind == null && more.apply(node)) {
                    return;
                }
                if (kind == null) {
                    throw unsupported(node, "");
                }
                if (kind.endsWith("softmax")) {
                    long axis = OnnxAttributes.intAttribute(node, "axis", -1);
                    if (axis != 1 && axis != -1) {
                        throw attributeError(node, "axis=" + axis, op + " over the features (axis=1 or -1)");
                    }
                }
                Value x = dynamic(node, 0);
                add(node, kind, LayerSpec.activation(kind), Combine.SUM, List.of(x.node), x.size);
            }
        }
    }

    private void gemm(NodeProto node) {
        if (OnnxAttributes.intAttribute(node, "transA", 0) != 0) {
            throw attributeError(node, "transA=1", "Gemm with transA=0");
        }
        Value x = dynamic(node, 0);
        Tensor b = constant(node, 1);
        boolean transB = OnnxAttributes.intAttribute(node, "transB", 0) != 0;
        float alpha = OnnxAttributes.floatAttribute(node, "alpha", 1f);
        float beta = OnnxAttributes.floatAttribute(node, "beta", 1f);
        Tensor weight = transB ? b : OnnxConstants.transpose(b);
        int out = weight.shape().dim(0);
        if (weight.shape().dim(1) != x.size) {
            throw new DescentException(source + ": node '" + node.getName() + "' (Gemm) multiplies " + x.size
                    + " features by a weight of shape " + b.shape() + " (transB=" + (transB ? 1 : 0) + ")");
        }
        Tensor w = OnnxConstants.scaled(weight, alpha);
        Tensor bias = node.getInputCount() > 2 && !node.getInput(2).isEmpty() ? vector(constant(node, 2), out, node)
                : Tensor.zeros(org.descent.tensor.DType.FLOAT32, out);
        linear(node, x, w, OnnxConstants.scaled(bias, beta), false);
    }

    private void matMul(NodeProto node) {
        Value x = dynamic(node, 0);
        Tensor b = constant(node, 1);
        if (b.shape().rank() != 2 || b.shape().dim(0) != x.size) {
            throw new DescentException(source + ": node '" + node.getName() + "' (MatMul) multiplies " + x.size
                    + " features by a constant of shape " + b.shape() + "; expected [" + x.size + ", out]");
        }
        int out = b.shape().dim(1);
        boolean onlyReadByOne = readers.getOrDefault(node.getOutput(0), 0) == 1;
        linear(node, x, OnnxConstants.transpose(b), Tensor.zeros(org.descent.tensor.DType.FLOAT32, out), onlyReadByOne);
    }

    private void linear(NodeProto node, Value x, Tensor weight, Tensor bias, boolean openBias) {
        ImportedNetwork.Node n = add(node, "linear", LayerSpec.linear(weight.shape().dim(0)), Combine.SUM, List.of(x.node),
                weight.shape().dim(0));
        n.state.put("weight", weight);
        n.state.put("bias", bias);
        n.openBias = openBias;
    }

    private void add(NodeProto node) {
        boolean firstConstant = constants.containsKey(node.getInput(0));
        boolean secondConstant = constants.containsKey(node.getInput(1));
        if (firstConstant != secondConstant) {
            Value x = dynamic(node, firstConstant ? 1 : 0);
            ImportedNetwork.Node producer = network.node(x.node);
            if (producer == null || !producer.openBias) {
                throw attributeError(node, "a constant added to a value not computed by a MatMul",
                        "Add of a bias right after a MatMul, or Add of two computed values");
            }
            Tensor bias = vector(constant(node, firstConstant ? 0 : 1), x.size, node);
            Tensor sum = producer.state.get("bias");
            for (int i = 0; i < x.size; i++) {
                sum.set(i, sum.get(i) + bias.get(i));
            }
            producer.openBias = false;
            values.put(node.getOutput(0), x);
            return;
        }
        join(node, Combine.SUM);
    }

    private void join(NodeProto node, Combine combine) {
        List<String> inputs = new java.util.ArrayList<>();
        int size = 0;
        for (int k = 0; k < node.getInputCount(); k++) {
            Value v = dynamic(node, k);
            if (combine == Combine.SUM && k > 0 && v.size != size) {
                throw new DescentException(source + ": node '" + node.getName() + "' adds values of " + size + " and "
                        + v.size + " features; Descent adds values of equal size (no broadcasting)");
            }
            size = combine == Combine.SUM ? v.size : size + v.size;
            inputs.add(v.node);
        }
        add(node, combine == Combine.SUM ? "sum" : "concat", LayerSpec.activation("identity"), combine, inputs, size);
    }

    private void normalize(NodeProto node, boolean sub) {
        Value x = dynamic(node, 0, true);
        boolean first = x.node.equals(OnnxImport.input()) && network.nodes().isEmpty() && normalization == null;
        if (!first || !constants.containsKey(node.getInput(1)) || (sub && x.shift != null)) {
            throw attributeError(node, "a " + node.getOpType() + " that is not the input normalization",
                    "Sub and Div of the network input by constants, before any layer");
        }
        double[] c = vector(constant(node, 1), x.size, node).toDoubleArray();
        if (sub) {
            values.put(node.getOutput(0), new Value(x.node, x.size, c));
        } else {
            normalization = Normalize.standardize(x.shift != null ? x.shift : new double[x.size], c);
            values.put(node.getOutput(0), new Value(x.node, x.size, null));
        }
    }

    /** The node computes nothing: its output is its first input. */
    void pass(NodeProto node) {
        values.put(node.getOutput(0), dynamic(node, 0));
    }

    ImportedNetwork.Node add(NodeProto node, String kind, LayerSpec layer, Combine combine, List<String> inputs, int size) {
        ImportedNetwork.Node n = network.add(kind, layer, combine, inputs, size);
        values.put(node.getOutput(0), new Value(n.name, size, null));
        return n;
    }

    Value dynamic(NodeProto node, int k) {
        return dynamic(node, k, false);
    }

    private Value dynamic(NodeProto node, int k, boolean shiftAllowed) {
        String name = node.getInput(k);
        Value v = values.get(name);
        if (v == null) {
            throw new DescentException(source + ": node '" + node.getName() + "' (" + node.getOpType() + ") reads '" + name
                    + "', which is " + (constants.containsKey(name) ? "a constant where Descent needs a computed value"
                    : "not computed by an earlier node"));
        }
        if (v.shift != null && !shiftAllowed) {
            throw attributeError(node, "input Sub not followed by Div", "Sub then Div of the input by constants");
        }
        return v;
    }

    Tensor constant(NodeProto node, int k) {
        Tensor t = k < node.getInputCount() ? constants.get(node.getInput(k)) : null;
        if (t == null) {
            throw new DescentException(source + ": node '" + node.getName() + "' (" + node.getOpType() + ") needs input "
                    + k + " to be a constant (an initializer), got '" + (k < node.getInputCount() ? node.getInput(k) : "")
                    + "'; Descent imports layers whose weights are constants");
        }
        return t;
    }

    /** A [n], [1, n] or one-value constant as a vector of n values (a copy). */
    Tensor vector(Tensor c, int n, NodeProto node) {
        if (c.size() == 1 || c.size() == n && (c.shape().rank() == 1 || c.shape().rank() == 2 && c.shape().dim(0) == 1)) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) c.get(c.size() == 1 ? 0 : i);
            }
            return Tensor.of(v, n);
        }
        throw new DescentException(source + ": node '" + node.getName() + "' (" + node.getOpType() + ") has a constant of shape "
                + c.shape() + " where Descent needs " + n + " values (one per feature)");
    }

    DescentException unsupported(NodeProto node, String detail) {
        String op = node.getOpType();
        return new DescentException(source + ": node '" + node.getName() + "' is " + ("AEIOU".indexOf(op.isEmpty() ? 'x'
                : op.charAt(0)) >= 0 ? "an " : "a ") + op
                + (detail.isEmpty() ? "" : " " + detail) + ", which Descent cannot import; it imports " + SUPPORTED);
    }

    DescentException attributeError(NodeProto node, String what, String supported) {
        return new DescentException(source + ": node '" + node.getName() + "' (" + node.getOpType() + ") has " + what
                + ", which Descent cannot import; it takes " + supported);
    }
}
