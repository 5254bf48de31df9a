package org.descent.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data comes from: shared by train, evaluate and analyze. */
final class DataOptions {
    @Option(names = "--data", defaultValue = "digits", paramLabel = "SOURCE",
            description = "digits (embedded, default), iris, breast-cancer, wine, diabetes, "
                    + "fashion-mnist, a folder of IDX files, or a CSV file (label in the last column; - reads it from standard input).")
    String source;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the Fashion-MNIST IDX files are (default /usr/share/datasets/fashion-mnist).")
    Path dataDirectory;

    @Option(names = "--positive-class", paramLabel = "CLASS",
            description = "Binary task: is this sample of class CLASS? (e.g. 2 for \"is this a 2?\").")
    Integer positiveClass;

    @Option(names = "--task", paramLabel = "TASK",
            description = "For CSV files: ${COMPLETION-CANDIDATES} (default multiclass).")
    Choices.TaskName task;

    @Option(names = "--header", description = "The CSV file starts with a header line.")
    boolean header;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the split, the initialization and the shuffling (default ${DEFAULT-VALUE}).")
    long seed;
}
