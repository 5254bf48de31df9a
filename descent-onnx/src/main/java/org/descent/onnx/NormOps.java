package org.descent.onnx;

import java.math.BigDecimal;
import java.util.List;
import org.descent.DescentException;
import org.descent.nn.Combine;
import org.descent.nn.LayerArguments;
import org.descent.nn.LayerSpec;
import org.descent.onnx.proto.Onnx.NodeProto;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * The {@link OnnxOps} handlers of the operators beside the first ones: BatchNormalization
 * (evaluation) → batch_norm with its running statistics, LayerNormalization over the features →
 * layer_norm, Gelu (opset 20, or a pattern {@link GeluPatterns} collapsed) → gelu / gelu_tanh,
 * x·Sigmoid(x) (which {@link SiluPattern} collapsed into opset 24's Swish) → silu, LeakyRelu and Elu with their alpha, Reshape and Flatten of a batch of vectors → nothing, and the
 * refusal of an Erf outside a GELU pattern.
 */
final class NormOps {
    private final OnnxOps ops;

    NormOps(OnnxOps ops) {
        this.ops = ops;
    }

    /** Handles {@code node} if it is one of these operators; false otherwise. */
    boolean apply(NodeProto node) {
        switch (node.getOpType()) {
            case "BatchNormalization" -> batchNorm(node);
            case "LayerNormalization" -> layerNorm(node);
            case "Gelu" -> gelu(node);
            case "Swish" -> {
                float alpha = OnnxAttributes.floatAttribute(node, "alpha", 1f);
                if (alpha != 1f) {
                    throw ops.attributeError(node, "alpha=" + decimal(alpha), "Swish with alpha 1 (SiLU)");
                }
                layer(node, LayerSpec.activation("silu"));
            }
            case "LeakyRelu", "Elu" -> {
                boolean leaky = node.getOpType().equals("LeakyRelu");
                double alpha = decimal(OnnxAttributes.floatAttribute(node, "alpha", leaky ? 0.01f : 1f));
                layer(node, new LayerSpec(leaky ? "leaky_relu" : "elu", LayerArguments.of("alpha", alpha)));
            }
            case "Reshape" -> reshape(node);
            case "Flatten" -> {
                long axis = OnnxAttributes.intAttribute(node, "axis", 1);
                if (axis != 1 && axis != -1) {
                    throw ops.attributeError(node, "axis=" + axis, "Flatten of a batch of vectors (axis=1 or -1)");
                }
                ops.pass(node);
            }
            case "Erf" -> throw ops.unsupported(node, "outside a GELU pattern (x·½·(1 + Erf(x/√2)), its inner values"
                    + " read by nothing else)");
            default -> {
                return false;
            }
        }
        return true;
    }

    private void batchNorm(NodeProto node) {
        if (OnnxAttributes.intAttribute(node, "training_mode", 0) != 0 || node.getOutputList().stream().skip(1).anyMatch(o -> !o.isEmpty())) {
            throw ops.attributeError(node, "training_mode=1 (or running-statistics outputs)",
                    "BatchNormalization in inference mode (training_mode=0, one output)");
        }
        int n = ops.dynamic(node, 0).size();
        double onnxMomentum = decimal(OnnxAttributes.floatAttribute(node, "momentum", 0.9f));
        if (!(onnxMomentum >= 0 && onnxMomentum <= 1)) {
            throw ops.attributeError(node, "momentum=" + onnxMomentum, "BatchNormalization with momentum in [0, 1]");
        }
        double eps = epsilon(node);
        // ONNX updates running = momentum·running + (1 − momentum)·batch; Descent (as PyTorch) weights the batch by momentum.
        double momentum = BigDecimal.ONE.subtract(BigDecimal.valueOf(onnxMomentum)).doubleValue();
        ImportedNetwork.Node layer = layer(node, new LayerSpec("batch_norm", LayerArguments.of("eps", eps, "momentum", momentum)));
        String[] names = {"weight", "bias", "running_mean", "running_var"};
        for (int k = 0; k < names.length; k++) {
            layer.state.put(names[k], ops.vector(ops.constant(node, k + 1), n, node));
        }
        Tensor variance = layer.state.get("running_var");
        if (java.util.stream.IntStream.range(0, n).anyMatch(i -> !(variance.get(i) >= 0))) {
            throw ops.attributeError(node, "a negative or NaN running variance", "BatchNormalization with variances ≥ 0");
        }
        layer.state.put("num_batches_tracked", Tensor.zeros(DType.FLOAT32, 1));
    }

    private void layerNorm(NodeProto node) {
        long axis = OnnxAttributes.intAttribute(node, "axis", -1);
        if (axis != -1 && axis != 1) {
            throw ops.attributeError(node, "axis=" + axis, "LayerNormalization over the features of a batch of vectors (axis=-1)");
        }
        if (node.getOutputList().stream().skip(1).anyMatch(o -> !o.isEmpty())) {
            throw ops.attributeError(node, "Mean or InvStdDev outputs", "LayerNormalization with one output");
        }
        int n = ops.dynamic(node, 0).size();
        ImportedNetwork.Node layer = layer(node, new LayerSpec("layer_norm", LayerArguments.of("eps", epsilon(node))));
        layer.state.put("weight", ops.vector(ops.constant(node, 1), n, node));
        layer.state.put("bias", node.getInputCount() > 2 && !node.getInput(2).isEmpty() ? ops.vector(ops.constant(node, 2), n, node)
                : Tensor.zeros(DType.FLOAT32, n));
    }

    private void gelu(NodeProto node) {
        String approximate = OnnxAttributes.stringAttribute(node, "approximate", "none");
        if (!approximate.equals("none") && !approximate.equals("tanh")) {
            throw ops.attributeError(node, "approximate='" + approximate + "'", "Gelu with approximate 'none' or 'tanh'");
        }
        layer(node, LayerSpec.activation(approximate.equals("none") ? "gelu" : "gelu_tanh"));
    }

    /** Reshape to [-1, n], [0, n] or [N, n] (n the features, or -1 beside a 0 or N): the batch of vectors stays as it is. */
    private void reshape(NodeProto node) {
        int n = ops.dynamic(node, 0).size();
        Tensor shape = ops.constant(node, 1);
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = (long) shape.get(i);
        }
        boolean allowZero = OnnxAttributes.intAttribute(node, "allowzero", 0) != 0;
        boolean keeps = dims.length == 2 && (dims[0] == -1 || dims[0] > 0 || dims[0] == 0 && !allowZero)
                && (dims[1] == n || dims[1] == -1 && dims[0] != -1);
        if (!keeps) {
            throw ops.attributeError(node, "shape " + java.util.Arrays.toString(dims) + (allowZero ? " (allowzero=1)" : ""),
                    "Reshape of a batch of vectors to [-1, " + n + "], [0, " + n + "] or [N, " + n + "]");
        }
        ops.pass(node);
    }

    private ImportedNetwork.Node layer(NodeProto node, LayerSpec spec) {
        OnnxOps.Value x = ops.dynamic(node, 0);
        try {
            return ops.add(node, spec.kind(), spec, Combine.SUM, List.of(x.node()), x.size());
        } catch (DescentException e) {
            throw ops.attributeError(node, "arguments Descent refuses (" + e.getMessage() + ")", "valid " + spec.kind() + " arguments");
        }
    }

    private double epsilon(NodeProto node) {
        double eps = decimal(OnnxAttributes.floatAttribute(node, "epsilon", 1e-5f));
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw ops.attributeError(node, "epsilon=" + eps, node.getOpType() + " with a positive epsilon");
        }
        return eps;
    }

    /** A float attribute as the decimal it was written from (0.001f → 0.001, not 0.0010000000474974513). */
    private static double decimal(float value) {
        return Double.parseDouble(Float.toString(value));
    }
}
