package org.descent.spark;

import java.io.Serializable;
import java.util.Random;
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
 * Warms an executor's JIT while it reads its partition's rows: the task that packs a shard
 * ({@link Shards#pack}) starts this in a background thread, which trains a throwaway copy of the
 * network with the single-machine {@link Trainer} on random data (batches of the run's size, at most
 * 512) until the shard is packed, or for {@code steps} steps, or about five seconds, whichever ends
 * first. A fresh executor JVM otherwise runs its first round's forward and backward passes
 * interpreted, the Vector API kernels at some 200 ms a step. The network is then left in the
 * executor's pool ({@link ExecutorModels}) for the first real task. Nothing of it reaches the run's
 * weights.
 */
final class Warmup implements Serializable {
    private static final long serialVersionUID = 2L;
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

    private Warmup(NetworkSpec spec, LossFactory loss, OptimizerFactory optimizer, int batchSize, int steps) {
        this.specJson = ExecutorModels.architecture(spec);
        this.inputs = spec.inputSize();
        this.outputs = spec.outputSize();
        this.loss = loss;
        this.optimizer = optimizer;
        this.batchSize = Math.max(2, Math.min(batchSize, 512));
        this.steps = steps;
    }

    /** The warm-up of {@code spec}'s network (the run's), or null when {@code steps} is 0 or less. */
    static Warmup of(NetworkSpec spec, LossFactory loss, OptimizerFactory optimizer, int batchSize, int steps) {
        return steps <= 0 ? null : new Warmup(spec, loss, optimizer, batchSize, steps);
    }

    /** Starts warming up in a background thread (random data from {@code seed}); closing the handle stops it. */
    Running start(int seed) {
        return new Running(seed);
    }

    /** A warm-up in progress: {@link #close} stops it after its current step, waits for it, and reports its failure. */
    final class Running implements AutoCloseable {
        private final Thread thread;
        private volatile boolean stop;
        private volatile RuntimeException failure;

        private Running(int seed) {
            thread = new Thread(() -> {
                try {
                    train(seed);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }, "descent-warmup");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            stop = true;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DescentException("interrupted while the warm-up stopped", e);
            }
            if (failure != null) {
                throw new DescentException("the executor's warm-up failed: " + failure.getMessage(), failure);
            }
        }

        private void train(int seed) {
            Module network = ExecutorModels.borrow(specJson);
            try {
                Random random = new Random(seed);
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
                Trainer trainer = new Trainer(network, loss.get(), optimizer.apply(network.parameters()),
                        Task.REGRESSION, new TrainingConfig((int) (((long) steps + BATCHES - 1) / BATCHES), batchSize, 0));
                trainer.addListener(new TrainingListener() {
                    @Override
                    public void onStep(Trainer t, StepResult step) {
                        if (stop || System.nanoTime() > deadline) {
                            t.stop("warm enough");
                        }
                    }
                });
                if (!stop) {
                    trainer.fit(data, null);
                }
            } finally {
                ExecutorModels.giveBack(specJson, network);
            }
        }
    }
}
