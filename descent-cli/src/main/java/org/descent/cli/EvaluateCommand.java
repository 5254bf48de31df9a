package org.descent.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.io.Model;
import org.descent.io.ModelFile;
import org.descent.train.Evaluation;
import org.descent.train.Task;
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
        Model model = ModelFile.load(modelFile);
        Task task = Task.valueOf(model.spec().task().toUpperCase(Locale.ROOT));
        if ((task == Task.BINARY) != (data.positiveClass != null)) {
            throw new DescentException(modelFile + " is a " + task.name().toLowerCase(Locale.ROOT) + " model; "
                    + (task == Task.BINARY ? "pass the --positive-class it was trained with" : "drop --positive-class"));
        }
        PreparedData prepared = PreparedData.load(data);
        Dataset test = prepared.split().test();
        if (test.featureCount() != model.spec().inputSize()) {
            throw new DescentException(modelFile + " expects " + model.spec().inputSize() + " input features but "
                    + prepared.name() + " has " + test.featureCount() + " (" + model.spec().architecture() + ")");
        }
        if (model.spec().normalization() != null) {
            test = test.withFeatures(model.spec().normalization().apply(test.features()));
        }
        Evaluation result = Evaluation.of(model.network(), NetworkOptions.named(model.spec().loss(), 0), task, test);
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
