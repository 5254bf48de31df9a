package org.descent.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.io.Model;
import org.descent.optim.GradientClipping;
import org.descent.optim.Optimizer;
import org.descent.train.EpochPass;
import org.descent.train.History;
import org.descent.train.StepResult;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import org.descent.train.TrainingListener;

/**
 * Model averaging (local SGD) on Apache Spark. Each averaging round:
 *
 * <ol>
 *   <li>the driver broadcasts the network state W and the optimizer state S;</li>
 *   <li>each partition p trains a copy with the single-machine {@link Trainer} on its cached shard:
 *       {@code localSteps} mini-batches of its own (its rows shuffled per epoch), or its whole
 *       shard when {@code localSteps} is 0 (one round per epoch), and returns W<sub>p</sub>, S<sub>p</sub>;</li>
 *   <li>the driver sets {@code W = Σ_p n_p W_p / Σ_p n_p}, and S likewise, added in partition order
 *       ({@link ModelAverage}), so the same partitions give bitwise the same run.</li>
 * </ol>
 *
 * <p>An epoch trains every sample once, as on one machine; the driver's epochs are run by a
 * single-machine {@link Trainer} ({@link Trainer#fit(EpochPass, Dataset, int)}), so validation
 * after every epoch, the history and the listeners (divergence checks, stop rules, early stopping,
 * checkpoints) are those of one machine; each round is one step for the listeners, with the mean
 * training loss of the round. One Spark job per round instead of per mini-batch: far cheaper than
 * {@link SparkTrainer}, at some cost in accuracy (the more local steps, the more; see docs/SPARK.md).
 *
 * <p>After an executor is lost, Spark rebuilds its shards on the survivors; when a round then ran
 * on fewer executors than are alive, the shards are repacked so that they spread over all of them
 * ({@link #onRebalance}). The results do not change: a partition's shard and work depend only on its
 * index.
 */
public final class AveragingTrainer {
    private final Model model;
    private final LossFactory loss;
    private final OptimizerFactory optimizerFactory;
    private final TrainingConfig config;
    private final int localSteps;
    private final Optimizer optimizer;
    private final Trainer trainer;
    private GradientClipping clipping;
    private Warmup warmup;
    private Consumer<String> notes = note -> { };
    private List<String> executors = List.of();

    /**
     * @param task       for the validation figures (accuracy for classification)
     * @param localSteps mini-batches each partition trains between averages, or 0 for its whole shard
     */
    public AveragingTrainer(Model model, LossFactory loss, OptimizerFactory optimizer, Task task, TrainingConfig config,
                            int localSteps) {
        if (model == null || loss == null || optimizer == null || task == null || config == null) {
            throw new DescentException("AveragingTrainer needs a model, a loss factory, an optimizer factory, a task "
                    + "and a config; got " + Arrays.asList(model, loss, optimizer, task, config));
        }
        if (localSteps < 0) {
            throw new DescentException("local steps must be positive, or 0 for a whole epoch per round; got "
                    + localSteps);
        }
        this.model = model;
        this.loss = loss;
        this.optimizerFactory = optimizer;
        this.config = config;
        this.localSteps = config.batchSize() == 0 ? 0 : localSteps;
        this.optimizer = optimizer.apply(model.network().parameters());
        this.trainer = new Trainer(model.network(), loss.get(), this.optimizer, task, config);
    }

    /** Adds a listener of the driver's {@code Trainer} (e.g. {@link AsyncCheckpoint}, {@code CheckpointListener}). */
    public AveragingTrainer addListener(TrainingListener listener) {
        trainer.addListener(listener);
        return this;
    }

    /** Clips the gradient of every local step on the executors (the single-machine {@code Trainer}'s clipping); null for none. */
    public AveragingTrainer clipGradients(GradientClipping clipping) {
        this.clipping = clipping;
        return this;
    }

    /** Warms the executors' JIT while they pack their shards for the first round ({@link Warmup}); null for none. */
    AveragingTrainer warmUpWhilePacking(Warmup warmup) {
        this.warmup = warmup;
        return this;
    }

    public Model model() {
        return model;
    }

    /** The driver's optimizer, holding the averaged state (for checkpoints). */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** Trains on {@code train}, validating on {@code validation} (may be null) after every epoch. */
    public History fit(JavaRDD<Sample> train, Dataset validation) {
        return fit(train, validation, 0);
    }

    /** Continues a run whose first {@code epochsDone} epochs are done (state restored by {@code Checkpoint.restore}). */
    public History fit(JavaRDD<Sample> train, Dataset validation, int epochsDone) {
        List<JavaRDD<PartitionShard>> shards = new ArrayList<>(List.of(Shards.pack(train, model.spec().inputSize(),
                model.spec().outputSize(), warmup)));
        try {
            return trainer.fit(pass(JavaSparkContext.fromSparkContext(train.context()), train, shards), validation,
                    epochsDone);
        } catch (Exception e) {
            throw Shards.failure(e);
        } finally {
            shards.get(0).unpersist(false);
        }
    }

    /** Where the trainer tells that it moved the shards (after an executor loss); by default nowhere. */
    public AveragingTrainer onRebalance(Consumer<String> notes) {
        this.notes = notes == null ? note -> { } : notes;
        return this;
    }

    /** The executor ids that ran the last round's partitions, in partition order. */
    public List<String> lastExecutors() {
        return executors;
    }

    private JavaRDD<PartitionShard> pack(JavaRDD<Sample> train) {
        return Shards.pack(train, model.spec().inputSize(), model.spec().outputSize());
    }

    /** {@code shards}: one element, the cached shards, replaced when they are repacked. */
    private EpochPass pass(JavaSparkContext context, JavaRDD<Sample> train, List<JavaRDD<PartitionShard>> shards) {
        long[] first = Shards.firstSamples(shards.get(0));
        int n = (int) first[first.length - 1];
        long largest = 0;
        for (int p = 0; p + 1 < first.length; p++) {
            largest = Math.max(largest, first[p + 1] - first[p]);
        }
        long perRound = (long) localSteps * config.batchSize();
        int rounds = localSteps == 0 ? 1 : (int) ((largest + perRound - 1) / perRound);
        String specJson = ExecutorModels.architecture(model.spec());
        return Passes.of(n, rounds, (driver, epoch, stepsBefore) -> {
            double lossSum = 0;
            double learningRate = Double.NaN;
            for (int round = 0; round < rounds; round++) {
                learningRate = optimizer.learningRate();
                List<PartitionModel> results = round(context, shards.get(0), specJson, new RoundInput(epoch,
                        round, StateBytes.encode(model.network().state()), StateBytes.encode(optimizer.state())));
                executors = results.stream().sorted(Comparator.comparingInt(PartitionModel::partition))
                        .map(PartitionModel::executor).toList();
                if (Shards.crowded(results, context)) {
                    shards.get(0).unpersist(true);
                    shards.set(0, pack(train));
                    notes.accept("round " + (round + 1) + " of epoch " + epoch + " ran on fewer executors than "
                            + "are alive: shards repacked over the live executors");
                }
                ModelAverage average = ModelAverage.of(results);
                String source = "the average of round " + (round + 1) + " of epoch " + epoch;
                model.network().loadState(average.state(), source);
                optimizer.loadState(average.optimizerState());
                lossSum += average.lossSum();
                driver.reportStep(new StepResult(stepsBefore + round + 1, epoch, round + 1, rounds,
                        average.lossSum() / average.samples(), learningRate, model.network().parameters()));
            }
            return new EpochPass.Result(lossSum, Double.NaN, learningRate);
        });
    }

    private List<PartitionModel> round(JavaSparkContext context, JavaRDD<PartitionShard> shards, String specJson,
                                       RoundInput input) {
        Broadcast<RoundInput> broadcast = context.broadcast(input);
        try {
            return new ArrayList<>(shards.mapPartitionsWithIndex(new LocalRound(specJson, loss, optimizerFactory,
                    config.batchSize(), localSteps, config.seed(), clipping, broadcast), false).collect());
        } finally {
            broadcast.destroy();
        }
    }
}
