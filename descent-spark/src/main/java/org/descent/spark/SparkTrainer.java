package org.descent.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.descent.DescentException;
import org.descent.data.Batches;
import org.descent.data.Dataset;
import org.descent.io.Model;
import org.descent.nn.Parameter;
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
 * Synchronous data-parallel training on Apache Spark: the samples are an RDD spread over the
 * executors, the weights live on the driver. Step k with mini-batch 𝓑<sub>k</sub> of B samples
 * (the same batches, in the same order, as {@link org.descent.train.Trainer} on one machine with
 * the same {@link TrainingConfig}):
 *
 * <ol>
 *   <li>the driver broadcasts the weights W<sub>k</sub> and the indices of 𝓑<sub>k</sub>;</li>
 *   <li>each partition p computes, with Descent's autograd on the samples of 𝓑<sub>k</sub> it
 *       holds, 𝓑<sub>k,p</sub>, the summed gradient
 *       {@code G_p = Σ_{n ∈ 𝓑_{k,p}} ∇_W div(f(x_n; W_k), d_n)};</li>
 *   <li>the driver adds the G<sub>p</sub> in partition order in float64 and sets
 *       {@code ∇Loss(W_k) = (1/B) Σ_p G_p}, exactly the gradient of the batch's mean loss;</li>
 *   <li>the driver clips ∇Loss(W<sub>k</sub>) if asked ({@link #clipGradients}), sets the buffers
 *       (running statistics) to the partitions' average weighted by their samples, and its
 *       {@link Optimizer} (any: gradient descent, momentum, Adam) takes its step
 *       W<sub>k+1</sub> = step(W<sub>k</sub>, ∇Loss(W<sub>k</sub>)).</li>
 * </ol>
 *
 * So the run is mathematically the single-machine run; the weights differ only by float32
 * rounding (the per-partition sums are added in another order). Batch norm is the exception: in
 * training each partition normalizes with the statistics of its own share of the batch (as
 * PyTorch's DistributedDataParallel without SyncBatchNorm). The same data in the same
 * partitions give bitwise the same run however the tasks are scheduled. Sample n is the n-th
 * element of the RDD in partition order, so the RDD's order must be deterministic (for example
 * read from files, or {@link #distribute}d from a {@link Dataset}). As with the single-machine
 * trainer, the samples are used as given: normalize them before.
 *
 * <p>Each step is one Spark job, so it costs a scheduling round trip of milliseconds; this pays
 * off when one step's gradient is much more work than that (large batches, large networks, data
 * that do not fit on one machine), not for small data sets.
 */
public final class SparkTrainer {
    private final Model model;
    private final LossFactory loss;
    private final Optimizer optimizer;
    private final TrainingConfig config;
    private final Trainer trainer;
    private Warmup warmup;

    /**
     * @param model     the network to train (on the driver) and its spec (to rebuild it on the executors)
     * @param loss      makes the loss on the executors, e.g. {@code CrossEntropy::new}
     * @param optimizer an optimizer over {@code model.network().parameters()}, run on the driver
     * @param config    epochs, batch size (0 for the full batch) and the seed of the batch order
     */
    public SparkTrainer(Model model, LossFactory loss, Optimizer optimizer, TrainingConfig config) {
        this(model, loss, optimizer, Task.REGRESSION, config);
    }

    /** As above, with the {@code task} of the validation figures (accuracy for classification). */
    public SparkTrainer(Model model, LossFactory loss, Optimizer optimizer, Task task, TrainingConfig config) {
        if (model == null || loss == null || optimizer == null || task == null || config == null) {
            throw new DescentException("SparkTrainer needs a model, a loss factory, an optimizer, a task and a "
                    + "config; got " + Arrays.asList(model, loss, optimizer, task, config));
        }
        if (!optimizer.parameters().equals(model.network().parameters())) {
            throw new DescentException("the optimizer does not update this model's parameters; build it over "
                    + "model.network().parameters()");
        }
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.config = config;
        this.trainer = new Trainer(model.network(), loss.get(), optimizer, task, config);
    }

    /**
     * The rows of {@code data} as an RDD of {@code partitions} slices, in order: row n is sample n.
     * Each partition's rows are broadcast once (the executor that packs the partition fetches
     * them, and only them); the RDD's partitions hold only their numbers, so a task of a job over
     * it carries no samples ({@code parallelize} would put each slice's samples into every task of
     * every step).
     */
    public static JavaRDD<Sample> distribute(JavaSparkContext context, Dataset data, int partitions) {
        if (partitions < 1) {
            throw new DescentException("the number of partitions must be at least 1, got " + partitions);
        }
        List<Broadcast<SampleBlock>> blocks = new ArrayList<>();
        List<Integer> slices = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            blocks.add(context.broadcast(new SampleBlock(data, p, partitions)));
            slices.add(p);
        }
        return context.parallelize(slices, partitions)
                .mapPartitionsWithIndex((p, ignored) -> blocks.get(p).value().samples().iterator(), true);
    }

    public Model model() {
        return model;
    }

    /** Adds a listener of the driver's {@code Trainer} (divergence checks, early stopping, checkpoints...). */
    public SparkTrainer addListener(TrainingListener listener) {
        trainer.addListener(listener);
        return this;
    }

    /**
     * Clips each step's gradient (the mean over the whole batch, summed on the driver) before the
     * optimizer's step, with the single-machine {@link Trainer}'s clipping; the history keeps the
     * norm from before clipping. Null for none.
     */
    /** Warms the executors' JIT while they pack their shards ({@link Warmup}); null for none. */
    SparkTrainer warmUpWhilePacking(Warmup warmup) {
        this.warmup = warmup;
        return this;
    }

    public SparkTrainer clipGradients(GradientClipping clipping) {
        trainer.clipGradients(clipping);
        return this;
    }

    /** Trains on {@code train} for the configured epochs; the model's weights are updated in place. */
    public History fit(JavaRDD<Sample> train) {
        return fit(train, null, 0);
    }

    /**
     * Trains on {@code train}, validating on {@code validation} (may be null) after every epoch,
     * continuing a run whose first {@code epochsDone} epochs are done (state restored by
     * {@code Checkpoint.restore}). The epochs, validation, history and listeners are the
     * single-machine {@link Trainer}'s ({@link Trainer#fit(EpochPass, Dataset, int)}).
     */
    public History fit(JavaRDD<Sample> train, Dataset validation, int epochsDone) {
        JavaRDD<PartitionShard> shards = Shards.pack(train, model.spec().inputSize(), model.spec().outputSize(), warmup);
        try {
            return trainer.fit(pass(JavaSparkContext.fromSparkContext(train.context()), shards), validation, epochsDone);
        } catch (Exception e) {
            throw Shards.failure(e);
        } finally {
            shards.unpersist(false);
        }
    }

    private EpochPass pass(JavaSparkContext context, JavaRDD<PartitionShard> shards) {
        long[] firstSample = Shards.firstSamples(shards);
        int n = (int) firstSample[firstSample.length - 1];
        int batchSize = config.batchSize() == 0 ? n : Math.min(config.batchSize(), n);
        int steps = (n + batchSize - 1) / batchSize;
        String specJson = ExecutorModels.architecture(model.spec());
        List<Parameter> parameters = model.network().parameters();
        return Passes.of(n, steps, (driver, epoch, stepsBefore) -> {
            int[] order = config.batchSize() == 0 ? identity(n) : Batches.shuffledOrder(n, config.seed(), epoch);
            double lossSum = 0;
            double gradientNorm = Double.NaN;
            double learningRate = Double.NaN;
            long step = stepsBefore;
            for (int from = 0; from < n; from += batchSize) {
                int[] batch = Arrays.copyOfRange(order, from, Math.min(from + batchSize, n));
                GradientSum sum = gradient(context, shards, specJson, firstSample,
                        new StepInput(++step, Weights.encode(model.network()), batch), parameters.size());
                if (sum.samples() != batch.length) {
                    throw new DescentException("step " + step + ": the partitions returned " + sum.samples()
                            + " of the batch's " + batch.length + " samples; was the RDD's order not deterministic?");
                }
                if (!Double.isFinite(sum.lossSum())) {
                    throw new DescentException("the loss is " + sum.lossSum() / batch.length + " at step " + step
                            + "; the run diverged: try a smaller learning rate");
                }
                learningRate = optimizer.learningRate();
                sum.setMeanGradients(parameters);
                sum.setBuffers(model.network(), "the buffers of step " + step);
                StepResult result = driver.clipAndReport(step, epoch, (int) (step - stepsBefore), steps,
                        sum.lossSum() / batch.length, learningRate);
                if (from + batchSize >= n) {
                    gradientNorm = result.gradientNorm();   // the epoch reports its last step's, as Trainer does
                }
                optimizer.step();
                lossSum += sum.lossSum();
            }
            return new EpochPass.Result(lossSum, gradientNorm, learningRate);
        });
    }

    private GradientSum gradient(JavaSparkContext context, JavaRDD<PartitionShard> shards, String specJson,
                                 long[] firstSample, StepInput input, int parameterCount) {
        Broadcast<StepInput> broadcast = context.broadcast(input);
        try {
            return GradientSum.of(shards.mapPartitionsWithIndex(
                    new PartitionStep(specJson, loss, firstSample, broadcast), false).collect(), parameterCount);
        } finally {
            broadcast.destroy();
        }
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        return order;
    }
}
