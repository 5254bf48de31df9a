package org.descent.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.io.Model;
import org.descent.loss.Loss;
import org.descent.minimize.CurvatureReport;
import org.descent.minimize.NetworkAnalysis;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code descent analyze}: the curvature of a saved model's training loss at its trained weights
 * θ: ‖∇L(θ)‖ and the extreme eigenvalues of the Hessian ∇²L(θ) by Lanczos on Hessian-vector
 * products, the full spectrum for at most {@value NetworkAnalysis#DENSE_LIMIT} parameters, and
 * the verdict (minimum, saddle, inconclusive, or not a critical point). L is the model's loss on
 * the first N samples of the training part of the same seeded split that {@code descent train}
 * used, normalized as the model was; the network and data are converted to float64 first.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Is a trained model at a minimum? The gradient norm and Hessian eigenvalues of its training loss.")
final class AnalyzeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model saved by 'descent train --out'.")
    Path modelFile;

    @Mixin
    DataOptions data;

    @Option(names = "--samples", defaultValue = "1000", paramLabel = "N",
            description = "Use the first N training samples (default ${DEFAULT-VALUE}; 0 = all).")
    int samples;

    @Option(names = "--lanczos-steps", defaultValue = "100", paramLabel = "K",
            description = "At most K Hessian-vector products for the extreme eigenvalues (default ${DEFAULT-VALUE}).")
    int lanczosSteps;

    @Override
    public Integer call() {
        if (samples < 0) {
            throw new DescentException("--samples must be ≥ 0 (0 = all training samples), got " + samples);
        }
        NetworkAnalysis analysis = new NetworkAnalysis(NetworkAnalysis.defaults().eigenTolerance(),
                NetworkAnalysis.defaults().gradientTolerance(), lanczosSteps, NetworkAnalysis.defaults().seed());
        SavedModel saved = SavedModel.load(modelFile, data);
        Model model = saved.model();
        Dataset train = saved.normalized(saved.data().split().train());
        int used = samples == 0 ? train.size() : Math.min(samples, train.size());
        Dataset subset = train.subset(IntStream.range(0, used).toArray());
        Tensor x = subset.features().copy(DType.FLOAT64);
        Tensor targets = subset.targets().copy(DType.FLOAT64);
        Loss loss = saved.loss();
        model.network().to(DType.FLOAT64);
        model.network().eval();
        System.out.printf(Locale.ROOT, "%s on %s: %s, %s loss on %d of %d training samples (float64)%n", modelFile,
                saved.data().name(), model.spec().architecture(), loss.name(), used, train.size());
        CurvatureReport report = analysis.analyze(model.network(), () -> loss.compute(model.network().forward(x), targets));
        System.out.print(report.report());
        return 0;
    }
}
