package org.descent.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.data.Normalize;
import org.descent.data.Split;
import org.descent.io.Model;
import org.descent.io.ModelFile;
import org.descent.io.NetworkSpec;
import org.descent.loss.CrossEntropy;
import org.descent.nn.LayerSpec;
import org.descent.optim.Adam;
import org.descent.optim.GradientClipping;
import org.descent.optim.Optimizer;
import org.descent.train.Checkpoint;
import org.descent.train.DivergenceCheck;
import org.descent.train.EpochResult;
import org.descent.train.Evaluation;
import org.descent.train.History;
import org.descent.train.Task;
import org.descent.train.TrainingConfig;
import org.descent.train.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of {@code descent-spark/run} and {@code spark-submit}: trains an MLP classifier
 * (Adam, cross-entropy) on Spark and prints the epoch lines of {@code descent train}. Options
 * ({@code --name value}): {@code --data} digits | fashion-mnist | a folder of IDX files (the
 * executors read their training rows themselves: {@link ExecutorRows}) | a CSV file (read on the
 * driver and broadcast, label last),
 * {@code --master}, {@code --mode} average | sync, {@code --partitions}, {@code --epochs},
 * {@code --batch}, {@code --local-steps} (average mode; 0: a whole shard per round), {@code --hidden}
 * (e.g. 256,128), {@code --lr}, {@code --seed}, {@code --clip-norm} C or {@code --clip-value} V (as {@code descent
 * train}: every step's gradient in sync mode, every local step's in average mode), {@code --checkpoint},
 * {@code --resume}, {@code --out} (a model file), {@code --warmup-steps} (200; 0 for none: {@link Warmup}, while the executors pack their shards).
 */
public final class SparkRun {
    /** For the timeline of descent-spark/timeline-log4j2.properties; silent by default. */
    private static final Logger LOG = LoggerFactory.getLogger(SparkRun.class);
    private static final List<String> OPTIONS = List.of("data", "master", "mode", "partitions", "epochs", "batch",
            "local-steps", "hidden", "lr", "seed", "clip-norm", "clip-value", "warmup-steps", "checkpoint", "resume",
            "out");
    /** Options whose value must be a whole number (an int; the seed a long) or a number, checked before Spark starts. */
    private static final List<String> WHOLE_NUMBERS = List.of("partitions", "epochs", "batch", "local-steps",
            "warmup-steps");
    private static final List<String> NUMBERS = List.of("lr", "clip-norm", "clip-value");

    private SparkRun() {
    }

    public static void main(String[] args) {
        try {
            run(parse(args));
        } catch (DescentException | NumberFormatException e) {
            System.err.println("descent-spark: " + e.getMessage());
            System.exit(2);
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!OPTIONS.contains(name) || i + 1 >= args.length) {
                throw new DescentException("unknown option or missing value: " + args[i] + "; options: --"
                        + String.join(", --", OPTIONS));
            }
            options.put(name, args[i + 1]);
        }
        String mode = options.getOrDefault("mode", "average");
        if (!mode.equals("average") && !mode.equals("sync")) {
            throw new DescentException("--mode must be average or sync, got " + mode);
        }
        checkNumbers(options);
        clipping(options);   // a bad value is refused before Spark starts
        return options;
    }

    /** Refuses, naming the option, a value that the run would fail to read as its number. */
    private static void checkNumbers(Map<String, String> options) {
        options.forEach((name, value) -> {
            try {
                if (WHOLE_NUMBERS.contains(name)) {
                    Integer.parseInt(value);
                } else if (name.equals("seed")) {
                    Long.parseLong(value);
                } else if (NUMBERS.contains(name)) {
                    Double.parseDouble(value);
                } else if (name.equals("hidden")) {
                    for (String width : value.split(",")) {
                        Integer.parseInt(width.trim());
                    }
                }
            } catch (NumberFormatException e) {
                throw new DescentException("--" + name + " must be " + (name.equals("hidden") ? "widths such as 256,128"
                        : NUMBERS.contains(name) ? "a number" : "a whole number") + ", got " + value);
            }
        });
    }

    /** The gradient clipping of {@code --clip-norm} or {@code --clip-value}, or null. */
    static GradientClipping clipping(Map<String, String> options) {
        if (options.containsKey("clip-norm") && options.containsKey("clip-value")) {
            throw new DescentException("give --clip-norm or --clip-value, not both");
        }
        for (String name : List.of("clip-norm", "clip-value")) {
            if (options.containsKey(name)) {
                double limit = Double.parseDouble(options.get(name));
                if (!(limit > 0) || Double.isInfinite(limit)) {
                    throw new DescentException("--" + name + " must be positive and finite, got " + options.get(name));
                }
                return new GradientClipping(name.equals("clip-norm"), limit);
            }
        }
        return null;
    }

    private static void run(Map<String, String> o) {
        SparkConf conf = new SparkConf().setAppName("descent " + o.getOrDefault("mode", "average"))
                .setIfMissing("spark.master", "local[2]")
                // An averaging round's result (2.8 MB for 784-256-128-10) comes back inside the task's
                // status message instead of through the block manager, one fetch less per partition.
                .setIfMissing("spark.task.maxDirectResultSize", "64m");
        if (o.containsKey("master")) {
            conf.setMaster(o.get("master"));
        }
        // The driver reads the data while Spark starts (the context, then the executors): both take seconds.
        CompletableFuture<Split> data = CompletableFuture.supplyAsync(() -> split(o));
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            train(o, spark, RunData.await(data));
        }
    }

    private static Split split(Map<String, String> o) {
        Split split = RunData.split(o.getOrDefault("data", "digits"), Long.parseLong(o.getOrDefault("seed", "42")));
        LOG.info("the data read");
        return split;
    }

    /** Trains as {@code o} says on {@code spark}, printing as it goes; returns the trained model. */
    static Model train(Map<String, String> o, JavaSparkContext spark) {
        return train(o, spark, split(o));
    }

    private static Model train(Map<String, String> o, JavaSparkContext spark, Split split) {
        long seed = Long.parseLong(o.getOrDefault("seed", "42"));
        int partitions = Integer.parseInt(o.getOrDefault("partitions", "2"));
        TrainingConfig config = new TrainingConfig(Integer.parseInt(o.getOrDefault("epochs", "5")),
                Integer.parseInt(o.getOrDefault("batch", "64")), seed);
        double learningRate = Double.parseDouble(o.getOrDefault("lr", "0.001"));
        List<LayerSpec> layers = new ArrayList<>();
        for (String width : o.getOrDefault("hidden", "32").split(",")) {
            layers.add(LayerSpec.linear(Integer.parseInt(width.trim())));
            layers.add(LayerSpec.activation("relu"));
        }
        layers.add(LayerSpec.linear(split.train().classes()));
        OptimizerFactory adam = p -> new Adam(p, learningRate);
        Normalize normalize = Normalize.standardize(split.train());
        Model model = Model.create(new NetworkSpec(split.train().featureCount(), layers, "classification",
                "cross-entropy", split.train().classes(), split.train().classNames(), normalize), new Random(seed));
        String mode = o.getOrDefault("mode", "average");
        System.out.printf(Locale.ROOT, "%d train, %d validation, %d test samples; %s mode, %d partitions%n",
                split.train().size(), split.validation().size(), split.test().size(), mode, partitions);
        String data = o.getOrDefault("data", "digits");
        var rdd = RunData.readableOnExecutors(data) ? ExecutorRows.distribute(spark, data, seed, normalize, partitions)
                : SparkTrainer.distribute(spark, normalize.apply(split.train()), partitions);
        Dataset validation = normalize.apply(split.validation());
        // The executors warm up while they read and pack their shards, until the shards are packed.
        Warmup warmup = Warmup.of(model.spec(), CrossEntropy::new, adam, config.batchSize(),
                Integer.parseInt(o.getOrDefault("warmup-steps", "200")));
        Optimizer optimizer;
        Consumer<TrainingListener> listeners;
        IntFunction<History> fit;
        if (mode.equals("sync")) {
            optimizer = adam.apply(model.network().parameters());
            SparkTrainer trainer = new SparkTrainer(model, CrossEntropy::new, optimizer, Task.MULTICLASS, config)
                    .clipGradients(clipping(o)).warmUpWhilePacking(warmup);
            listeners = trainer::addListener;
            fit = epochsDone -> trainer.fit(rdd, validation, epochsDone);
        } else {
            AveragingTrainer trainer = new AveragingTrainer(model, CrossEntropy::new, adam, Task.MULTICLASS, config,
                    Integer.parseInt(o.getOrDefault("local-steps", "0"))).clipGradients(clipping(o))
                    .onRebalance(System.out::println).warmUpWhilePacking(warmup);
            optimizer = trainer.optimizer();
            listeners = trainer::addListener;
            fit = epochsDone -> {
                History history = trainer.fit(rdd, validation, epochsDone);
                System.out.println("executors of the last round's partitions: "
                        + String.join(", ", trainer.lastExecutors()));
                return history;
            };
        }
        listeners.accept(new DivergenceCheck());
        listeners.accept(new TrainingListener() {
            @Override
            public void onEpochEnd(org.descent.train.Trainer t, EpochResult e) {
                print(e, config.epochs());
            }
        });
        int done = 0;
        if (o.containsKey("resume")) {
            done = Checkpoint.restore(Path.of(o.get("resume")), model.network(), optimizer);
            System.out.printf(Locale.ROOT, "resuming after epoch %d of %d from %s%n", done, config.epochs(),
                    o.get("resume"));
        }
        if (o.containsKey("checkpoint")) {
            try (AsyncCheckpoint checkpoint = new AsyncCheckpoint(Path.of(o.get("checkpoint")), model, adam)) {
                listeners.accept(checkpoint);
                fit.apply(done);
            }
        } else {
            fit.apply(done);
        }
        Evaluation test = Evaluation.of(model.network(), new CrossEntropy(), Task.MULTICLASS,
                normalize.apply(split.test()));
        System.out.printf(Locale.ROOT, "test accuracy %.4f (%d samples), test loss %.4f%n", test.accuracy(),
                split.test().size(), test.loss());
        System.out.println("weights sha256 " + Weights.sha256(model.network()));
        if (o.containsKey("out")) {
            ModelFile.save(Path.of(o.get("out")), model);
            System.out.println("saved " + o.get("out"));
        }
        return model;
    }

    private static void print(EpochResult e, int epochs) {
        String validation = Double.isNaN(e.validationAccuracy())
                ? String.format(Locale.ROOT, "val_loss %.4f", e.validationLoss())
                : String.format(Locale.ROOT, "val_acc %.4f", e.validationAccuracy());
        // Averaging rounds have no gradient of the whole model: no norm to print.
        String norm = Double.isNaN(e.gradientNorm()) ? "" : String.format(Locale.ROOT, "  ‖∇‖ %.4f", e.gradientNorm());
        System.out.printf(Locale.ROOT, "epoch %3d/%d  loss %.4f  %s%s  η %.3g  %.1fs  %,.0f samples/s%n",
                e.epoch(), epochs, e.trainLoss(), validation, norm, e.learningRate(), e.seconds(), e.samplesPerSecond());
    }
}
