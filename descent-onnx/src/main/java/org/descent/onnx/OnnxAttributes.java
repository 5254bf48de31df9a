package org.descent.onnx;

import org.descent.DescentException;
import org.descent.onnx.proto.Onnx.AttributeProto;
import org.descent.onnx.proto.Onnx.NodeProto;

/** The attributes of an ONNX node, read by name with a fallback for the absent ones. */
final class OnnxAttributes {
    private OnnxAttributes() {
    }

    /** The attribute {@code name}; its absence is one line naming the node. */
    static AttributeProto attribute(NodeProto node, String name, String source) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst()
                .orElseThrow(() -> new DescentException(source + ": node '" + node.getName() + "' (" + node.getOpType()
                        + ") has no attribute '" + name + "'"));
    }

    /** An integer attribute, {@code fallback} when absent. */
    static long intAttribute(NodeProto node, String name, long fallback) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst()
                .map(AttributeProto::getI).orElse(fallback);
    }

    /** A float attribute, {@code fallback} when absent. */
    static float floatAttribute(NodeProto node, String name, float fallback) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst()
                .map(AttributeProto::getF).orElse(fallback);
    }

    /** A string attribute, {@code fallback} when absent. */
    static String stringAttribute(NodeProto node, String name, String fallback) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst()
                .map(a -> a.getS().toStringUtf8()).orElse(fallback);
    }
}
