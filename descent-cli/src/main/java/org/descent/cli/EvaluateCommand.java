package org.descent.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.descent.data.Dataset;
import org.descent.train.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code descent evaluate}: a saved model's figures on the test part of a data set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Print a saved model's test metrics and confusion matrix.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model saved by 'descent train --out'.")
    Path modelFile;

    @Mixin
    DataOptions data;

    @Option(names = "--plot", paramLabel = "PNG", description = "Write the confusion matrix as a PNG.")
    Path plot;

    @Override
    public Integer call() {
        SavedModel saved = SavedModel.load(modelFile, data);
        PreparedData prepared = saved.data();
        Dataset test = saved.normalized(prepared.split().test());
        Evaluation result = Evaluation.of(saved.model().network(), saved.loss(), saved.task(), test);
        System.out.printf(Locale.ROOT, "%s on %s: %d test samples, loss %.4f%n", modelFile, prepared.name(),
                prepared.split().test().size(), result.loss());
        if (result.confusion() != null) {
            System.out.print(result.confusion());
            if (plot != null) {
                Plots.confusionMatrix(result.confusion(), plot);
                System.out.println("wrote " + plot);
            }
        } else {
            System.out.println(result.regression());
        }
        return 0;
    }
}
