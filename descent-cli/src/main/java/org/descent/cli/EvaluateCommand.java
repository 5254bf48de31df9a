package org.descent.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.io.AtomicFiles;
import org.descent.tensor.Tensor;
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

    @Option(names = "--plot", paramLabel = "PNG", description = "Write the confusion matrix as a PNG; for a regression "
            + "model, predicted against true values and the residuals.")
    Path plot;

    @Option(names = "--percent", description = "The confusion matrix plot shows the percentage of each true class "
            + "(rows sum to 100) instead of counts.")
    boolean percent;

    @Option(names = "--errors", paramLabel = "PNG", description = "Image data (8×8 digits, 28×28 Fashion-MNIST): write "
            + "the misclassified test images, with their true and predicted classes, as a PNG grid.")
    Path errors;

    @Override
    public Integer call() {
        for (Path file : new Path[] {plot, errors}) {
            if (file != null) {
                AtomicFiles.requireWritable(file);
            }
        }
        if (percent && plot == null) {
            throw new DescentException("--percent sets what the confusion matrix plot shows; add --plot FILE.png");
        }
        SavedModel saved = SavedModel.load(modelFile, data);
        if (percent && !saved.task().isClassification()) {
            throw new DescentException("--percent applies to a classifier's confusion matrix; " + modelFile
                    + " is a regression model");
        }
        PreparedData prepared = saved.data();
        Dataset raw = prepared.split().test();
        if (errors != null && (!saved.task().isClassification() || ErrorGrid.side(raw.featureCount()) == 0)) {
            throw new DescentException("--errors draws misclassified images: it needs a classifier on image data"
                    + " (8×8 digits, 28×28 Fashion-MNIST), but " + prepared.name() + " has " + raw.featureCount()
                    + " features" + (saved.task().isClassification() ? "" : " and a regression model"));
        }
        Dataset test = saved.normalized(raw);
        Evaluation result = Evaluation.of(saved.model().network(), saved.loss(), saved.task(), test);
        System.out.printf(Locale.ROOT, "%s on %s: %d test samples, loss %.4f%n", modelFile, prepared.name(),
                raw.size(), result.loss());
        Tensor outputs = plot != null || errors != null ? saved.model().predict(raw.features()) : null;
        if (result.confusion() != null) {
            System.out.print(result.confusion());
            if (plot != null) {
                Plots.confusionMatrix(result.confusion(), percent, plot);
                System.out.println("wrote " + plot);
            }
            if (errors != null) {
                Plots.write(ErrorGrid.draw(raw, saved.task().predictions(outputs), prepared.name()), errors);
                System.out.println("wrote " + errors);
            }
        } else {
            System.out.println(result.regression());
            if (plot != null) {
                int n = raw.size();
                int targets = raw.targetCount();
                double[] truth = new double[n];
                double[] predicted = new double[n];
                for (int i = 0; i < n; i++) {
                    truth[i] = raw.targets().get(i * targets);
                    predicted[i] = outputs.get(i * targets);
                }
                Plots.regression(truth, predicted, prepared.name() + (targets > 1 ? " (target 1 of " + targets + ")" : ""),
                        plot);
                System.out.println("wrote " + plot);
            }
        }
        return 0;
    }
}
