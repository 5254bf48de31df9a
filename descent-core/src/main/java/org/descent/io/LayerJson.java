package org.descent.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.descent.DescentException;
import org.descent.nn.Activations;
import org.descent.nn.LayerArguments;
import org.descent.nn.LayerRegistry;
import org.descent.nn.LayerSpec;

/**
 * The JSON of one {@link LayerSpec}: format 2 writes the kind and its arguments side by side,
 * {@code {"kind": "linear", "out": 256}}; format 1 had only {@code linear} with {@code size} and
 * the argument-less activations, {@code {"kind": "linear", "size": 256}}, read as
 * {@code out = size}.
 */
final class LayerJson {
    private LayerJson() {
    }

    static void write(ObjectNode node, LayerSpec layer) {
        node.put("kind", layer.kind());
        layer.arguments().values().forEach((name, value) -> {
            if (value instanceof Long n) {
                node.put(name, n);
            } else if (value instanceof Double d) {
                node.put(name, d);
            } else if (value instanceof Boolean b) {
                node.put(name, b);
            } else {
                node.put(name, (String) value);
            }
        });
    }

    /** A format-2 layer object; {@code where} (e.g. {@code layers[2]}) names it in errors. */
    static LayerSpec read(JsonNode node, String where) {
        String kind = kind(node, where);
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("kind")) {
                arguments.put(field.getKey(), value(field.getValue(), where + "." + field.getKey()));
            }
        }
        try {
            return new LayerSpec(kind, new LayerArguments(arguments));
        } catch (DescentException e) {
            throw new DescentException(where + ": " + e.getMessage(), e);
        }
    }

    /** A format-1 layer object: {@code linear} with a positive {@code size}, or an activation. */
    static LayerSpec readFormat1(JsonNode node, String where) {
        String kind = kind(node, where);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("kind") && !key.equals("size")) {
                throw new DescentException(where + ": unknown key '" + key + "'; a format-1 layer has 'kind' and 'size'");
            }
        }
        JsonNode size = node.get("size");
        if (kind.equals(LayerRegistry.LINEAR.kind())) {
            if (size == null || !size.isIntegralNumber() || !size.canConvertToInt() || size.intValue() <= 0) {
                throw new DescentException(where + ".size is " + (size == null ? "missing" : size)
                        + "; a linear layer needs a positive size");
            }
            return LayerSpec.linear(size.intValue());
        }
        if (!Activations.names().contains(kind)) {
            throw new DescentException(where + ": unknown layer kind '" + kind + "'; expected linear or one of the activations "
                    + Activations.names());
        }
        if (size != null && !(size.isIntegralNumber() && size.intValue() == 0)) {
            throw new DescentException(where + ": activation '" + kind + "' keeps the number of features and takes no size, got "
                    + size);
        }
        return LayerSpec.activation(kind);
    }

    private static String kind(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new DescentException(where + " is " + node + "; expected a layer object {\"kind\": ...}");
        }
        JsonNode kind = node.get("kind");
        if (kind == null || !kind.isTextual()) {
            throw new DescentException(where + ".kind is " + (kind == null ? "missing" : kind) + "; expected a layer kind string");
        }
        return kind.textValue();
    }

    private static Object value(JsonNode value, String where) {
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw new DescentException(where + " is " + value + ", too large a whole number");
            }
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        throw new DescentException(where + " is " + value + "; a layer argument is a number, true/false or a string");
    }
}
