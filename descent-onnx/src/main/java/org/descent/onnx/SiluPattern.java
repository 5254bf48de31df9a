package org.descent.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.descent.onnx.proto.Onnx.NodeProto;

/**
 * Finds SiLU written out as {@code Mul(x, Sigmoid(x))} (either operand order), as PyTorch 1.13 and
 * Descent's own export write {@code silu} below opset 24, and replaces each by one {@code Swish}
 * node (the operator of opset 24, alpha 1). A Sigmoid that anything else reads stays a sigmoid layer.
 */
final class SiluPattern {
    private SiluPattern() {
    }

    /** {@code nodes} with each {@code Mul(x, Sigmoid(x))} replaced by {@code Swish(x)}. */
    static List<NodeProto> collapse(List<NodeProto> nodes) {
        Map<String, NodeProto> producers = new HashMap<>();
        Map<String, Integer> readers = new HashMap<>();
        for (NodeProto node : nodes) {
            node.getOutputList().forEach(o -> producers.put(o, node));
            node.getInputList().forEach(i -> readers.merge(i, 1, Integer::sum));
        }
        Map<NodeProto, NodeProto> replaced = new HashMap<>();
        List<NodeProto> consumed = new ArrayList<>();
        for (NodeProto node : nodes) {
            if (!node.getOpType().equals("Mul") || node.getInputCount() != 2) {
                continue;
            }
            for (int k = 0; k < 2; k++) {
                String x = node.getInput(k);
                String gate = node.getInput(1 - k);
                NodeProto sigmoid = producers.get(gate);
                if (sigmoid != null && sigmoid.getOpType().equals("Sigmoid") && sigmoid.getInputCount() == 1
                        && sigmoid.getInput(0).equals(x) && readers.get(gate) == 1 && !consumed.contains(sigmoid)) {
                    consumed.add(sigmoid);
                    replaced.put(node, NodeProto.newBuilder().setName(node.getName()).setOpType("Swish").addInput(x)
                            .addOutput(node.getOutput(0)).build());
                    break;
                }
            }
        }
        List<NodeProto> result = new ArrayList<>();
        for (NodeProto node : nodes) {
            if (!consumed.contains(node)) {
                result.add(replaced.getOrDefault(node, node));
            }
        }
        return result;
    }
}
