package org.descent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.descent.io.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code descent summary}: a saved model's layers, output shapes, parameters and buffers. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print a saved model's layers with their output shapes, parameter counts and buffers, and the totals.")
final class SummaryCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model saved by 'descent train --out'.")
    Path modelFile;

    @Override
    public Integer call() {
        Model model = SavedModel.read(modelFile);
        System.out.println(modelFile + ": " + model.spec().architecture() + "; " + model.spec().task() + ", "
                + model.spec().loss());
        System.out.print(model.network().summary(model.spec().inputSize()));
        return 0;
    }
}
