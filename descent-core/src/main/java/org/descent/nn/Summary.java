package org.descent.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The table behind {@link Module#summary(int)}, like Keras' {@code model.summary()} and torchinfo:
 * one row per layer (a {@link Sequential}'s layers, a {@link Graph}'s nodes, else the module
 * itself) with its output shape, its parameter count and its buffers, then the totals.
 */
final class Summary {
    private record Row(String name, String type, String output, long parameters, String buffers) {
    }

    private Summary() {
    }

    static String of(Module network, int inputSize) {
        List<Row> rows = new ArrayList<>();
        if (network instanceof Sequential sequential) {
            int size = inputSize;
            for (int i = 0; i < sequential.layers().size(); i++) {
                Module layer = sequential.layers().get(i);
                size = layer.outputSize(size);
                rows.add(row("layers." + i, layer, size));
            }
        } else if (network instanceof Graph graph) {
            for (GraphNode node : graph.nodes()) {
                rows.add(row(node.name(), node.module(), node.outputSize()));
            }
        } else {
            rows.add(row("", network, network.outputSize(inputSize)));
        }
        int[] width = {5, 4, 12, 10};
        for (Row r : rows) {
            width[0] = Math.max(width[0], r.name.length());
            width[1] = Math.max(width[1], r.type.length());
            width[2] = Math.max(width[2], r.output.length());
            width[3] = Math.max(width[3], count(r.parameters).length());
        }
        String format = "%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %" + width[3] + "s  %s";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, format, "Layer", "Type", "Output shape", "Parameters", "Buffers").strip())
                .append('\n');
        sb.append(String.format(Locale.ROOT, format, "input", "", "(N, " + inputSize + ")", "", "").strip()).append('\n');
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, format, r.name, r.type, r.output, count(r.parameters), r.buffers).strip())
                    .append('\n');
        }
        return sb.append(totals(network)).append('\n').toString();
    }

    private static Row row(String name, Module layer, int outputSize) {
        StringJoiner buffers = new StringJoiner(", ");
        layer.namedBuffers().forEach((buffer, b) -> buffers.add(buffer + " " + b.shape()));
        return new Row(name, layer.describe(), outputSize < 0 ? "?" : "(N, " + outputSize + ")", layer.parameterCount(),
                buffers.toString());
    }

    /** E.g. {@code 4,810 parameters, no buffers; 18.8 KiB as float32}. */
    static String totals(Module network) {
        long parameters = network.parameterCount();
        Map<String, Buffer> buffers = network.namedBuffers();
        long values = 0;
        for (Buffer b : buffers.values()) {
            values += b.shape().size();
        }
        String dtype = network.parameters().isEmpty() ? "float32"
                : network.parameters().get(0).value().dtype().name().toLowerCase(Locale.ROOT);
        int bytes = dtype.equals("float64") ? 8 : 4;
        String state = buffers.isEmpty() ? "no buffers"
                : count(values) + " buffer values in " + buffers.size() + (buffers.size() == 1 ? " tensor" : " tensors");
        return count(parameters) + " parameters, " + state + "; " + size((parameters + values) * bytes) + " as " + dtype;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
