package org.descent.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.io.NetworkSpec;
import org.descent.nn.Module;
import org.descent.tensor.Tensor;
import org.descent.train.StepResult;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import org.descent.train.TrainingListener;

/**
 * Warms the executors' JIT while the driver is still preparing the data: an asynchronous job of one
 * task per executor core trains a throwaway copy of the network with the single-machine
 * {@link Trainer} on random data (batches of the run's size, at most 512), for {@code steps} steps or about five
 * seconds, whichever ends first. A fresh executor JVM otherwise runs its first round's forward and
 * backward passes interpreted. The network is then left in the executor's pool
 * ({@link ExecutorModels}) for the first real task. Nothing of it reaches the run's weights.
 */
final class Warmup implements VoidFunction<Iterator<Integer>> {
    private static final long serialVersionUID = 1L;
    /** Rows of random data: a few batches, cycled over the epochs of the warm-up. */
    private static final int BATCHES = 4;
    private static final long MAX_NANOS = 5_000_000_000L;

    private final String specJson;
    private final int inputs;
    private final int outputs;
    private final LossFactory loss;
    private final OptimizerFactory optimizer;
    private final int batchSize;
    private final int steps;

    private Warmup(String specJson, int inputs, int outputs, LossFactory loss, OptimizerFactory optimizer,
                   int batchSize, int steps) {
        this.specJson = specJson;
        this.inputs = inputs;
        this.outputs = outputs;
        this.loss = loss;
        this.optimizer = optimizer;
        this.batchSize = batchSize;
        this.steps = steps;
    }

    /**
     * Starts the warm-up job for the network of {@code spec} (a built model's spec, whose
     * architecture is then the run's: the pooled network is the first task's); {@link #await} it
     * before training to see a failure.
     */
    static JavaFutureAction<Void> start(JavaSparkContext context, NetworkSpec spec, LossFactory loss,
                                        OptimizerFactory optimizer, int batchSize, int steps) {
        List<Integer> tasks = new ArrayList<>();
        for (int t = 0; t < context.defaultParallelism(); t++) {
            tasks.add(t);
        }
        context.setJobDescription("descent: warm the executors' JIT");
        try {
            return context.parallelize(tasks, tasks.size()).foreachPartitionAsync(new Warmup(ExecutorModels.architecture(spec),
                    spec.inputSize(), spec.outputSize(), loss, optimizer, Math.max(2, Math.min(batchSize, 512)), steps));
        } finally {
            context.setJobDescription(null);
        }
    }

    /** Waits for the warm-up job; its failure as one DescentException. */
    static void await(JavaFutureAction<Void> warmup) {
        try {
            warmup.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DescentException("interrupted while the executors warmed up", e);
        } catch (ExecutionException e) {
            throw Shards.failure(e);
        }
    }

    @Override
    public void call(Iterator<Integer> task) {
        Module network = ExecutorModels.borrow(specJson);
        try {
            Random random = new Random(task.hasNext() ? task.next() : 0);
            int rows = BATCHES * batchSize;
            float[] x = new float[rows * inputs];
            float[] d = new float[rows * outputs];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
            }
            for (int n = 0; n < rows; n++) {
                d[n * outputs + random.nextInt(outputs)] = 1;   // one-hot: a valid target for every loss
            }
            Dataset data = Dataset.regression(Tensor.of(x, rows, inputs), Tensor.of(d, rows, outputs));
            long deadline = System.nanoTime() + MAX_NANOS;
            Trainer trainer = new Trainer(network, loss.get(), optimizer.apply(network.parameters()), Task.REGRESSION,
                    new TrainingConfig((steps + BATCHES - 1) / BATCHES, batchSize, 0));
            trainer.addListener(new TrainingListener() {
                @Override
                public void onStep(Trainer t, StepResult step) {
                    if (System.nanoTime() > deadline) {
                        t.stop("warm enough");
                    }
                }
            });
            trainer.fit(data, null);
        } finally {
            ExecutorModels.giveBack(specJson, network);
        }
    }
}
