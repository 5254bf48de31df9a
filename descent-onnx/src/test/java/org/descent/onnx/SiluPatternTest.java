package org.descent.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.descent.onnx.proto.Onnx.NodeProto;
import org.junit.jupiter.api.Test;

/** Mul(x, Sigmoid(x)) becomes one Swish node; a Sigmoid read elsewhere, or of another value, stays. */
class SiluPatternTest {
    private static NodeProto node(String op, String output, String... inputs) {
        return NodeProto.newBuilder().setName(output).setOpType(op).addAllInput(List.of(inputs)).addOutput(output).build();
    }

    private static List<String> ops(List<NodeProto> nodes) {
        return nodes.stream().map(n -> n.getOpType() + "(" + String.join(",", n.getInputList()) + ")->" + n.getOutput(0)).toList();
    }

    @Test
    void eitherOperandOrderCollapses() {
        for (boolean sigmoidFirst : new boolean[] {false, true}) {
            NodeProto sigmoid = node("Sigmoid", "s", "x");
            NodeProto mul = sigmoidFirst ? node("Mul", "y", "s", "x") : node("Mul", "y", "x", "s");
            assertEquals(List.of("Swish(x)->y"), ops(SiluPattern.collapse(List.of(sigmoid, mul))));
        }
    }

    @Test
    void aSigmoidReadElsewhereOrOfAnotherValueStays() {
        List<NodeProto> shared = List.of(node("Sigmoid", "s", "x"), node("Mul", "y", "x", "s"), node("Relu", "r", "s"));
        assertEquals(ops(shared), ops(SiluPattern.collapse(shared)));
        List<NodeProto> other = List.of(node("Sigmoid", "s", "z"), node("Mul", "y", "x", "s"));
        assertEquals(ops(other), ops(SiluPattern.collapse(other)));
    }
}
