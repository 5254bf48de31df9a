package org.descent.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.descent.DescentException;
import org.descent.nn.Combine;
import org.descent.nn.LayerSpec;

/**
 * The {@link Topology} part of the spec JSON: {@code "layers": [layer, ...]} for a
 * {@link SequentialSpec}, or for a {@link GraphSpec}
 * {@code "graph": [{"name": .., "inputs": [..], "combine": "sum" | "concat", "layer": layer}, ...]}
 * ({@code combine} written only when a node reads several inputs, {@code sum} when absent). A
 * format-1 spec has {@code layers} only.
 */
final class TopologyJson {
    private static final Set<String> NODE_KEYS = Set.of("name", "inputs", "combine", "layer");

    private TopologyJson() {
    }

    static void write(ObjectNode root, Topology topology) {
        if (topology instanceof GraphSpec graph) {
            ArrayNode nodes = root.putArray("graph");
            for (GraphNodeSpec node : graph.nodes()) {
                ObjectNode entry = nodes.addObject().put("name", node.name());
                node.inputs().forEach(entry.putArray("inputs")::add);
                if (node.inputs().size() > 1) {
                    entry.put("combine", node.combine().name().toLowerCase(Locale.ROOT));
                }
                LayerJson.write(entry.putObject("layer"), node.layer());
            }
        } else {
            ArrayNode layers = root.putArray("layers");
            topology.layers().forEach(layer -> LayerJson.write(layers.addObject(), layer));
        }
    }

    static Topology read(JsonNode root, int format) {
        if (format == 1 || !root.has("graph")) {
            if (root.has("graph")) {
                throw new DescentException("'graph' is a key of model format 2; a format-1 spec has 'layers'");
            }
            JsonNode nodes = SpecJson.require(root, "layers", JsonNode::isArray, "an array of layers");
            List<LayerSpec> layers = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                layers.add(format == 1 ? LayerJson.readFormat1(nodes.get(i), "layers[" + i + "]")
                        : LayerJson.read(nodes.get(i), "layers[" + i + "]"));
            }
            return new SequentialSpec(layers);
        }
        if (root.has("layers")) {
            throw new DescentException("the spec has both 'layers' and 'graph'; a network is one or the other");
        }
        JsonNode nodes = SpecJson.require(root, "graph", JsonNode::isArray, "an array of graph nodes");
        List<GraphNodeSpec> graph = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            graph.add(node(nodes.get(i), "graph[" + i + "]"));
        }
        return new GraphSpec(graph);
    }

    private static GraphNodeSpec node(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new DescentException(where + " is " + node + "; expected a graph node object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!NODE_KEYS.contains(key)) {
                throw new DescentException(where + ": unknown key '" + key + "'; a graph node has " + NODE_KEYS);
            }
        }
        String name = SpecJson.require(node, "name", JsonNode::isTextual, "a node name string").textValue();
        List<String> inputs = new ArrayList<>();
        for (JsonNode input : SpecJson.require(node, "inputs", JsonNode::isArray, "an array of node names")) {
            if (!input.isTextual()) {
                throw new DescentException(where + ".inputs holds " + input + "; expected node names");
            }
            inputs.add(input.textValue());
        }
        String combine = node.has("combine") ? SpecJson.require(node, "combine", JsonNode::isTextual, "\"sum\" or \"concat\"").textValue()
                : "sum";
        if (!combine.equals("sum") && !combine.equals("concat")) {
            throw new DescentException(where + ".combine is '" + combine + "'; expected \"sum\" or \"concat\"");
        }
        try {
            return new GraphNodeSpec(name, LayerJson.read(node.get("layer"), where + ".layer"),
                    combine.equals("sum") ? Combine.SUM : Combine.CONCAT, inputs);
        } catch (DescentException e) {
            throw e.getMessage().startsWith(where) ? e : new DescentException(where + ": " + e.getMessage(), e);
        }
    }

}
