package org.descent.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.descent.cli.dashboard.Dashboard;
import org.descent.cli.dashboard.DashboardOptions;
import org.descent.data.Normalize;
import org.descent.data.Split;
import org.descent.io.AtomicFiles;
import org.descent.io.Model;
import org.descent.io.ModelFile;
import org.descent.io.NetworkSpec;
import org.descent.loss.Loss;
import org.descent.optim.GradientClipping;
import org.descent.optim.Optimizer;
import org.descent.optim.ReduceOnPlateau;
import org.descent.optim.StopRule;
import org.descent.tensor.Parallelism;
import org.descent.train.Checkpoint;
import org.descent.train.CheckpointListener;
import org.descent.train.DivergenceCheck;
import org.descent.train.EarlyStopping;
import org.descent.train.Evaluation;
import org.descent.train.History;
import org.descent.train.PlateauListener;
import org.descent.train.RunSettings;
import org.descent.train.StopRuleListener;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code descent train}: trains an MLP on a data set and reports its test figures. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network (default: a 64-64-10 ReLU MLP on the embedded 8×8 digits).")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    NetworkOptions network;

    @ArgGroup(validate = false, heading = "Optimizer:%n")
    OptimizerOptions optimizer = new OptimizerOptions();

    @ArgGroup(validate = false, heading = "Clipping and metrics:%n")
    RunOptions extras = new RunOptions();

    @Option(names = "--epochs", description = "Passes over the training set (default 10 for 28×28 images, else 20).")
    Integer epochs;

    @Option(names = "--batch", defaultValue = "64",
            description = "Samples per step; 0 = the full batch, plain gradient descent (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--patience", description = "Early stopping: epochs without a better validation loss.")
    Integer patience;

    @Option(names = "--eps1", description = "Stop when |Loss_k − Loss_k−1| < ε₁ (per epoch).")
    Double eps1;

    @Option(names = "--eps2", description = "Stop when ‖∇Loss‖ < ε₂ (at an epoch's last step).")
    Double eps2;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the trained model here (safetensors).")
    Path out;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Save the run's state (weights, optimizer, epoch) here after every epoch.")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue the run saved by --checkpoint; give the same options as the interrupted run.")
    Path resume;

    @Option(names = "--plot", paramLabel = "PNG", description = "Write the loss and accuracy curves as a PNG.")
    Path plot;

    @ArgGroup(validate = false, heading = "Dashboard:%n")
    DashboardOptions dashboardOptions = new DashboardOptions();

    @Option(names = "--quiet", description = "No progress output; only the final figures.")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the matrix kernels (default: all cores); results do not depend on it.")
    Integer threads;

    @Override
    public Integer call() {
        Parallelism.setThreads(threads != null ? threads : Runtime.getRuntime().availableProcessors());
        OutputPaths.requireDistinct(data.source, resume, new String[] {"--out", "--plot", "--log", "--checkpoint"}, out, plot,
                extras.log, checkpoint);
        for (Path file : new Path[] {out, plot, checkpoint, extras.log}) {
            if (file != null) {
                AtomicFiles.requireWritable(file);
            }
        }
        network.hiddenLayers.check();
        try (Dashboard dashboard = Dashboard.start(dashboardOptions, System.out)) {
            return dashboard.follow(() -> train(dashboard));
        }
    }

    private int train(Dashboard dashboard) {
        PreparedData prepared = PreparedData.load(data);
        Split split = prepared.split();
        // In place: the data were loaded for this run, and a standardized copy beside the raw one
        // would not fit Fashion-MNIST in a 512 MB heap (220 MB each).
        Normalize normalize = Normalize.standardize(split.train());
        normalize.applyInPlace(split.train());
        normalize.applyInPlace(split.validation());
        normalize.applyInPlace(split.test());
        boolean images = split.train().featureCount() == 28 * 28;
        TrainingConfig config = new TrainingConfig(epochs != null ? epochs : images ? 10 : 20, batch, data.seed);
        NetworkSpec spec = network.spec(split.train().featureCount(), prepared.task(), split.train().classes(),
                split.train().targetCount(), split.train().classNames(), normalize, images);
        network.hiddenLayers.checkBatches(split.train().size(), batch);
        network.checkMemory(spec, split, batch, optimizer.name);
        Loss loss = network.loss(prepared.task(), split.train());
        Model model = Model.create(NetworkOptions.withWeightsOf(loss, spec), new Random(data.seed));
        int batches = batch == 0 ? 1 : (split.train().size() + batch - 1) / batch;
        Optimizer opt = optimizer.create(model.network().parameters(), batches, images, config.epochs());
        GradientClipping clipping = extras.clipping();
        System.out.printf(Locale.ROOT, "%s: %d train, %d validation, %d test samples; %s; %s%n", prepared.name(),
                split.train().size(), split.validation().size(), split.test().size(), model.spec().architecture(),
                loss.name());
        System.out.println("network: " + model.network().summaryTotals());
        Trainer trainer = new Trainer(model.network(), loss, opt, prepared.task(), config)
                .addListener(new DivergenceCheck())
                .addListener(new ConsoleProgress(System.out, System.console() != null, quiet,
                        split.train().size(), batch))
                .addListener(dashboard.feed(prepared.name() + ": " + model.spec().architecture() + ", " + loss.name()))
                .clipGradients(clipping);
        if (opt.stepSize() instanceof ReduceOnPlateau plateau) {
            trainer.addListener(new PlateauListener(plateau));   // before the checkpoint, which saves its state
        }
        if (patience != null) {
            trainer.addListener(new EarlyStopping(patience));
        }
        List<StopRule> rules = new ArrayList<>();
        if (eps1 != null) {
            rules.add(StopRule.lossChange(eps1));
        }
        if (eps2 != null) {
            rules.add(StopRule.gradientNorm(eps2));
        }
        if (!rules.isEmpty()) {
            trainer.addListener(new StopRuleListener(StopRule.anyOf(rules.toArray(StopRule[]::new))));
        }
        RunSettings run = runSettings(prepared, images, loss, model);
        if (checkpoint != null) {
            trainer.addListener(new CheckpointListener(checkpoint, run));
        }
        int epochsDone = resume == null ? 0 : Checkpoint.restore(resume, model.network(), opt, run);
        if (extras.log != null) {
            trainer.addListener(new MetricsLog(extras.log, epochsDone));
        }
        if (epochsDone > 0) {
            System.out.printf(Locale.ROOT, "resuming after epoch %d of %d from %s%n", epochsDone, config.epochs(), resume);
        }
        History history = trainer.fit(split.train(), split.validation(), epochsDone);
        Evaluation test = trainer.evaluate(split.test());
        dashboard.result(test, split.test(), model.network(), prepared.task(), normalize, data.source);
        if (prepared.task().isClassification()) {
            System.out.printf(Locale.ROOT, "test accuracy %.4f (%d samples), test loss %.4f%n", test.accuracy(),
                    split.test().size(), test.loss());
        } else {
            System.out.println("test " + test.regression());
        }
        if (plot != null && !history.epochs().isEmpty()) {
            Plots.trainingCurves(history, plot);
            System.out.println("wrote " + plot);
        }
        if (out != null) {
            ModelFile.save(out, model);
            System.out.println("saved model to " + out);
        }
        return 0;
    }

    /** The options that decide the result, which a checkpoint records and a resume must repeat. */
    private RunSettings runSettings(PreparedData prepared, boolean images, Loss loss, Model model) {
        Map<String, String> settings = new LinkedHashMap<>();
        Split split = prepared.split();
        settings.put("--data", prepared.name() + " (" + split.train().size() + " + " + split.validation().size() + " + "
                + split.test().size() + " samples)");
        settings.put("--seed", String.valueOf(data.seed));
        settings.put("--batch", String.valueOf(batch));
        settings.put("network", model.spec().architecture());   // --layers, --activation, --norm, --dropout
        settings.putAll(optimizer.settings(images));
        network.settings(settings, loss);
        extras.settings(settings);
        return new RunSettings(settings);
    }
}
