package org.descent.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.descent.DescentException;
import org.descent.data.Normalize;

/**
 * The JSON form of a {@link NetworkSpec} (model format 2), with snake_case keys (the
 * normalization is a {@link Normalize} by its method and its two statistics per feature):
 *
 * <pre>
 * {"input_size":784,
 *  "layers":[{"kind":"linear","out":256},{"kind":"relu"},{"kind":"linear","out":10}],
 *  "task":"classification","loss":"cross-entropy","class_count":10,"class_names":[],
 *  "label_smoothing":0.1,"class_weights":[1.0, ..],
 *  "normalization":{"method":"standardize","mean":[..],"std":[..]}}     (or "min-max" with "min", "max")
 * </pre>
 *
 * A graph network has {@code "graph":[{"name":"h1","inputs":["input"],"layer":{"kind":"linear","out":4}},
 * ..., {"name":"out","inputs":["input","a2"],"combine":"concat","layer":{..}}]} instead of
 * {@code layers} ({@code combine} is {@code sum} or {@code concat}, written when a node reads
 * several inputs). Format 1 had only {@code layers}, with {@code {"kind":"linear","size":256}}
 * (see {@link TopologyJson}, {@link LayerJson}). {@code label_smoothing} is left out when it is 0,
 * {@code class_weights} (a weighted cross-entropy's, one per class) and {@code normalization} when
 * there are none; files without them read as before. Unknown keys are refused, so a typo does not silently drop a setting.
 */
final class SpecJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> KEYS = Set.of("input_size", "layers", "graph", "task", "loss", "class_count",
            "class_names", "label_smoothing", "class_weights", "normalization");

    private SpecJson() {
    }

    /** {@code class_weights}, an array of numbers, or none (files written before it was stored). */
    private static List<Double> classWeights(JsonNode node) {
        List<Double> weights = new ArrayList<>();
        if (node != null) {
            if (!node.isArray()) {
                throw new DescentException("class_weights must be an array of numbers");
            }
            for (JsonNode w : node) {
                if (!w.isNumber()) {
                    throw new DescentException("class_weights must be an array of numbers, got " + w);
                }
                weights.add(w.doubleValue());
            }
        }
        return weights;
    }

    static String write(NetworkSpec spec) {
        ObjectNode root = JSON.createObjectNode();
        root.put("input_size", spec.inputSize());
        TopologyJson.write(root, spec.topology());
        root.put("task", spec.task()).put("loss", spec.loss()).put("class_count", spec.classCount());
        spec.classNames().forEach(root.putArray("class_names")::add);
        if (spec.labelSmoothing() != 0) {
            root.put("label_smoothing", spec.labelSmoothing());
        }
        if (!spec.classWeights().isEmpty()) {
            spec.classWeights().forEach(root.putArray("class_weights")::add);
        }
        Normalize normalization = spec.normalization();
        if (normalization != null) {
            switch (normalization.method()) {
                case STANDARDIZE -> writeNormalization(root, "standardize", "mean", normalization.shift(), "std",
                        normalization.secondStatistic());
                case MIN_MAX -> writeNormalization(root, "min-max", "min", normalization.shift(), "max",
                        normalization.secondStatistic());
            }
        }
        return root.toString();
    }

    private static void writeNormalization(ObjectNode root, String method, String first, double[] a,
                                           String second, double[] b) {
        ObjectNode node = root.putObject("normalization").put("method", method);
        ArrayNode firstArray = node.putArray(first);
        ArrayNode secondArray = node.putArray(second);
        for (int j = 0; j < a.length; j++) {
            firstArray.add(a[j]);
            secondArray.add(b[j]);
        }
    }

    /** The spec in {@code json} as model format {@code format} (1 or 2) writes it. */
    static NetworkSpec read(String json, String source, int format) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DescentException("network spec in " + source + " is not well-formed JSON: " + e.getOriginalMessage());
        }
        try {
            if (root == null || !root.isObject()) {
                throw new DescentException("expected a JSON object");
            }
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!KEYS.contains(key)) {
                    throw new DescentException("unknown key '" + key + "'; expected keys " + KEYS);
                }
            }
            int inputSize = integer(root.get("input_size"), "input_size");
            Topology topology = TopologyJson.read(root, format);
            List<String> classNames = new ArrayList<>();
            JsonNode names = root.get("class_names");
            if (names != null) {
                names.forEach(n -> classNames.add(n.asText()));
            }
            return new NetworkSpec(inputSize, topology,
                    require(root, "task", JsonNode::isTextual, "a string").textValue(),
                    require(root, "loss", JsonNode::isTextual, "a string").textValue(),
                    integer(root.get("class_count"), "class_count"), classNames, normalization(root.get("normalization")),
                    root.has("label_smoothing") ? require(root, "label_smoothing", JsonNode::isNumber, "a number").doubleValue() : 0,
                    classWeights(root.get("class_weights")));
        } catch (DescentException e) {
            throw new DescentException("network spec in " + source + ": " + e.getMessage(), e);
        }
    }

    static JsonNode require(JsonNode parent, String key, Predicate<JsonNode> test,
                                    String expected) {
        JsonNode value = parent == null ? null : parent.get(key);
        if (value == null || !test.test(value)) {
            throw new DescentException("'" + key + "' is " + (value == null ? "missing" : value) + "; expected " + expected);
        }
        return value;
    }

    private static int integer(JsonNode value, String key) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new DescentException("'" + key + "' is " + (value == null ? "missing" : value) + "; expected an integer");
        }
        return value.intValue();
    }

    private static Normalize normalization(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String method = require(node, "method", JsonNode::isTextual, "\"standardize\" or \"min-max\"").textValue();
        return switch (method) {
            case "standardize" -> Normalize.standardize(doubles(node, "mean"), doubles(node, "std"));
            case "min-max" -> Normalize.minMax(doubles(node, "min"), doubles(node, "max"));
            default -> throw new DescentException("normalization method '" + method
                    + "' is unknown; expected \"standardize\" or \"min-max\"");
        };
    }

    private static double[] doubles(JsonNode parent, String key) {
        JsonNode array = require(parent, key, JsonNode::isArray, "an array of numbers");
        double[] values = new double[array.size()];
        for (int j = 0; j < values.length; j++) {
            if (!array.get(j).isNumber()) {
                throw new DescentException("'" + key + "[" + j + "]' is " + array.get(j) + "; expected a number");
            }
            values[j] = array.get(j).doubleValue();
        }
        return values;
    }
}
