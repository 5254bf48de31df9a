package org.descent.onnx;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.descent.onnx.proto.Onnx.AttributeProto;
import org.descent.onnx.proto.Onnx.NodeProto;
import org.descent.tensor.Tensor;

/**
 * Finds GELU written out in elementary operators, as exporters without a Gelu operator write it
 * (PyTorch 1.13 at opset 17, and Descent's own export), and replaces each occurrence by one
 * {@code Gelu} node (the operator of opset 20) with {@code approximate} "none" or "tanh":
 *
 * <pre>
 *   exact:  x · ½ · (1 + Erf(x / √2))                         (Div by √2 or Mul by 1/√2)
 *   tanh:   x · ½ · (1 + Tanh(√(2/π) · (x + 0.044715 · x³)))  (x³ as Mul of x three times, or Pow(x, 3))
 * </pre>
 *
 * <p>Products and sums match in any operand order and grouping ({@code Mul(Mul(x, a), ½)},
 * {@code Mul(½, Mul(x, a))}, ...); a value inside the pattern may be read by nothing else. What
 * does not match is left as it was, so a lone {@code Erf} reaches {@link OnnxOps}, which refuses it.
 */
final class GeluPatterns {
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double TANH_SCALE = Math.sqrt(2 / Math.PI);
    private static final double CUBIC = 0.044715;

    /** A product or sum of computed values and one constant, and the nodes it spans. */
    private record Terms(List<NodeProto> nodes, double constant, List<String> values) {
    }

    /** A GELU found: its approximation ("none" or "tanh"), its input x and the nodes it spans. */
    private record Match(String approximate, String x, List<NodeProto> nodes) {
    }

    private final Map<String, NodeProto> producers = new HashMap<>();
    private final Map<String, Integer> readers = new HashMap<>();
    private final Map<String, Tensor> constants;

    private GeluPatterns(List<NodeProto> nodes, Map<String, Tensor> constants) {
        this.constants = constants;
        for (NodeProto node : nodes) {
            node.getOutputList().forEach(o -> producers.put(o, node));
            node.getInputList().forEach(i -> readers.merge(i, 1, Integer::sum));
        }
    }

    /** {@code nodes} with each GELU pattern replaced by a Gelu node; {@code constants} are the initializers and Constant outputs. */
    static List<NodeProto> collapse(List<NodeProto> nodes, Map<String, Tensor> constants) {
        GeluPatterns patterns = new GeluPatterns(nodes, constants);
        Set<NodeProto> consumed = new HashSet<>();
        Map<NodeProto, NodeProto> replaced = new HashMap<>();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            NodeProto root = nodes.get(i);
            if (!root.getOpType().equals("Mul") || consumed.contains(root)) {
                continue;
            }
            Match match = patterns.match(root);
            if (match != null && match.nodes.stream().noneMatch(consumed::contains)) {
                consumed.addAll(match.nodes);
                replaced.put(root, NodeProto.newBuilder().setName(root.getName()).setOpType("Gelu").addInput(match.x)
                        .addOutput(root.getOutput(0)).addAttribute(AttributeProto.newBuilder().setName("approximate")
                                .setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(match.approximate)))
                        .build());
            }
        }
        List<NodeProto> result = new ArrayList<>();
        for (NodeProto node : nodes) {
            if (replaced.containsKey(node)) {
                result.add(replaced.get(node));
            } else if (!consumed.contains(node)) {
                result.add(node);
            }
        }
        return result;
    }

    /** The GELU pattern {@code root} ends, or null. */
    private Match match(NodeProto root) {
        Terms outer = product(root.getOutput(0), true);
        if (outer == null || outer.values.size() != 2 || !near(outer.constant, 0.5)) {
            return null;
        }
        for (int k = 0; k < 2; k++) {
            String x = outer.values.get(k);
            Terms plusOne = sum(outer.values.get(1 - k));
            if (plusOne == null || plusOne.values.size() != 1 || !near(plusOne.constant, 1)) {
                continue;
            }
            NodeProto f = single(plusOne.values.get(0));
            if (f == null || f.getInputCount() != 1 || !f.getOpType().equals("Erf") && !f.getOpType().equals("Tanh")) {
                continue;
            }
            boolean exact = f.getOpType().equals("Erf");
            Terms scaled = product(f.getInput(0), false);
            if (scaled == null || scaled.values.size() != 1 || !near(scaled.constant, exact ? SQRT_HALF : TANH_SCALE)) {
                continue;
            }
            List<NodeProto> nodes = new ArrayList<>(outer.nodes);
            nodes.addAll(plusOne.nodes);
            nodes.add(f);
            nodes.addAll(scaled.nodes);
            if (!exact && !cubic(scaled.values.get(0), x, nodes) || exact && !scaled.values.get(0).equals(x)) {
                continue;
            }
            return new Match(exact ? "none" : "tanh", x, nodes);
        }
        return null;
    }

    /** Whether {@code inner} is x + 0.044715·x³ (adding its nodes to {@code nodes}). */
    private boolean cubic(String inner, String x, List<NodeProto> nodes) {
        Terms sum = sum(inner);
        if (sum == null || sum.values.size() != 2 || sum.constant != 0) {
            return false;
        }
        for (int k = 0; k < 2; k++) {
            Terms cube = product(sum.values.get(1 - k), false);
            if (sum.values.get(k).equals(x) && cube != null && near(cube.constant, CUBIC)
                    && cube.values.equals(List.of(x, x, x))) {
                nodes.addAll(sum.nodes);
                nodes.addAll(cube.nodes);
                return true;
            }
        }
        return false;
    }

    /** The node computing {@code value} if nothing else reads it. */
    private NodeProto single(String value) {
        return readers.getOrDefault(value, 0) == 1 ? producers.get(value) : null;
    }

    /** {@code value} as a product (Mul, Div by a constant, Pow(·, 3)), flattened through values read once; null if it is a constant. */
    private Terms product(String value, boolean root) {
        if (constants.containsKey(value)) {
            return null;
        }
        NodeProto node = root ? producers.get(value) : single(value);
        String op = node == null ? "" : node.getOpType();
        if (op.equals("Mul") || op.equals("Div")) {
            Terms a = factor(node.getInput(0));
            Double divisor = op.equals("Div") ? scalar(node.getInput(1)) : null;
            Terms b = op.equals("Div") ? (divisor == null ? null : new Terms(List.of(), 1 / divisor, List.of())) : factor(node.getInput(1));
            if (a == null || b == null) {
                return new Terms(List.of(), 1, List.of(value));
            }
            List<NodeProto> nodes = new ArrayList<>(List.of(node));
            nodes.addAll(a.nodes);
            nodes.addAll(b.nodes);
            List<String> values = new ArrayList<>(a.values);
            values.addAll(b.values);
            return new Terms(nodes, a.constant * b.constant, values);
        }
        if (op.equals("Pow") && scalar(node.getInput(1)) != null && scalar(node.getInput(1)) == 3 && !constants.containsKey(node.getInput(0))) {
            String x = node.getInput(0);
            return new Terms(List.of(node), 1, List.of(x, x, x));
        }
        return new Terms(List.of(), 1, List.of(value));
    }

    private Terms factor(String value) {
        Double c = scalar(value);
        return c != null ? new Terms(List.of(), c, List.of()) : product(value, false);
    }

    /** {@code value} as a sum of two terms (an Add read once); a constant term goes into the constant. */
    private Terms sum(String value) {
        NodeProto node = single(value);
        if (node == null || !node.getOpType().equals("Add")) {
            return null;
        }
        double constant = 0;
        List<String> values = new ArrayList<>();
        for (String input : node.getInputList()) {
            Double c = scalar(input);
            if (c != null) {
                constant += c;
            } else {
                values.add(input);
            }
        }
        return new Terms(List.of(node), constant, values);
    }

    private Double scalar(String value) {
        Tensor t = constants.get(value);
        return t != null && t.size() == 1 ? t.get(0) : null;
    }

    private static boolean near(double actual, double wanted) {
        return Math.abs(actual - wanted) <= 1e-6 * Math.abs(wanted);
    }
}
