package org.descent.cli;

import java.util.List;
import java.util.Locale;
import org.descent.DescentException;
import org.descent.nn.LayerArguments;
import org.descent.nn.LayerSpec;
import picocli.CommandLine.Option;

/** What goes around each hidden activation: a normalization before it, dropout after it. */
final class HiddenLayerOptions {
    @Option(names = "--dropout", paramLabel = "P",
            description = "Dropout with probability P in [0, 1) after each hidden activation (training only).")
    Double dropout;

    @Option(names = "--norm", paramLabel = "batch|layer",
            description = "Batch normalization (BatchNorm1d) or layer normalization before each hidden activation.")
    String norm;

    /** Refuses bad values before any data is read. */
    void check() {
        if (dropout != null && !(dropout >= 0 && dropout < 1)) {
            throw new DescentException("--dropout must be in [0, 1), got " + dropout);
        }
        if (norm != null && !List.of("batch", "layer").contains(norm.toLowerCase(Locale.ROOT))) {
            throw new DescentException("--norm " + norm + ": unknown; use batch or layer");
        }
    }

    /** Refuses a run whose batches leave a last training batch of one sample, which batch norm cannot normalize. */
    void checkBatches(int trainSize, int batch) {
        int last = batch == 0 ? trainSize : trainSize % batch;
        if (norm != null && norm.equalsIgnoreCase("batch") && last == 1) {
            throw new DescentException("--norm batch: the " + trainSize + " training samples leave a last batch of 1 sample "
                    + "at --batch " + batch + ", which batch normalization cannot normalize; use another --batch");
        }
    }

    /** One hidden layer: Linear(size), the normalization if any, the activation, dropout if any. */
    void add(List<LayerSpec> layers, int size, LayerSpec activation) {
        check();
        layers.add(LayerSpec.linear(size));
        if (norm != null) {
            layers.add(norm.equalsIgnoreCase("batch")
                    ? new LayerSpec("batch_norm", LayerArguments.of("eps", 1e-5, "momentum", 0.1))
                    : new LayerSpec("layer_norm", LayerArguments.of("eps", 1e-5)));
        }
        layers.add(activation);
        if (dropout != null && dropout > 0) {
            layers.add(new LayerSpec("dropout", LayerArguments.of("p", dropout)));
        }
    }
}
