package org.descent.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.descent.autograd.OutputReuse;
import org.descent.internal.kernel.ElementRanges;
import org.descent.internal.kernel.KernelThreads;
import org.descent.loss.BinaryCrossEntropy;
import org.descent.loss.BinaryCrossEntropyWithLogits;
import org.descent.loss.CrossEntropy;
import org.descent.loss.HuberLoss;
import org.descent.loss.L1Loss;
import org.descent.loss.L2Loss;
import org.descent.loss.Loss;
import org.descent.nn.Elu;
import org.descent.nn.Gelu;
import org.descent.nn.GeluTanh;
import org.descent.nn.Identity;
import org.descent.nn.LayerNorm;
import org.descent.nn.LeakyRelu;
import org.descent.nn.Linear;
import org.descent.nn.LogSoftmax;
import org.descent.nn.Module;
import org.descent.nn.Parameter;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.nn.Sigmoid;
import org.descent.nn.Silu;
import org.descent.nn.Softmax;
import org.descent.nn.Softplus;
import org.descent.nn.Tanh;
import org.descent.tensor.Tensor;

/**
 * The loss and gradients of one training step, {@code ∇ (1/N) Σ_n div(f(x_n), d_n)}, with the
 * batch cut into chunks that the kernel threads ({@code tensor.Parallelism}) compute at once.
 * A batch of N rows is cut into {@code C = clamp(⌊N / 64⌋, 1, 2)} chunks of nearly equal size
 * (chunk c holds rows ⌊c·N/C⌋ .. ⌊(c+1)·N/C⌋ − 1); chunk c runs forward and backward on its own
 * {@link BatchChunk} (the network itself for chunk 0, copies sharing its weights for the others)
 * with its loss scaled by N_c / N, and each parameter's gradient is (g₀ + g₁) + g₂ + … + g_{C−1},
 * added in that order, the parameters cut into ranges that the threads add at once.
 * The chunks depend only on N, never on the thread count, and one thread computes the same chunks
 * one after the other, so the weights come out bitwise identical for any number of threads.
 *
 * <p>Only networks whose samples do not meet are split: a {@link Sequential} of Linear layers,
 * activations and layer norms, with one of the per-sample mean losses (cross-entropy without
 * class weights, L2, L1, Huber, binary cross-entropy). Batch norm (whose training statistics
 * span the batch), dropout (whose mask is drawn over the whole batch), class-weighted
 * cross-entropy (normalized by the batch's weights), {@code Graph} networks, user-defined layers
 * and losses, and batches under 128 rows take the whole batch in one pass, as before: the
 * products inside are still spread over the threads.
 */
public final class ParallelStep {
    /** Rows per chunk at least (a batch of fewer than twice this is not split). */
    static final int MIN_CHUNK_ROWS = 64;
    /**
     * Chunks per batch at most: two, so that one thread's products stay as large as they can.
     * At batch 512 on one thread (784-256-128-10, CPU time, median of three) two chunks of 256
     * rows ran 96k samples/s, four of 128 (the small-batch product, four gradients to add) 79k,
     * the whole batch 99k (docs/PERFORMANCE.md). More threads than two speed up the products
     * inside each chunk.
     */
    static final int MAX_CHUNKS = 2;

    private static final Set<Class<?>> ROW_WISE_LAYERS = Set.of(Linear.class, Relu.class, Sigmoid.class,
            Tanh.class, Softplus.class, Gelu.class, GeluTanh.class, Silu.class, LeakyRelu.class, Elu.class,
            Identity.class, LayerNorm.class, Softmax.class, LogSoftmax.class);
    private static final Set<Class<?>> PER_SAMPLE_LOSSES = Set.of(CrossEntropy.class, L2Loss.class, L1Loss.class,
            HuberLoss.class, BinaryCrossEntropy.class, BinaryCrossEntropyWithLogits.class);

    private final Module model;
    private final Loss loss;
    private final boolean splittable;
    private final int maxChunks;
    private final List<BatchChunk> chunks = new ArrayList<>();
    /** The network's parameters (the holders stay while their values may be replaced). */
    private final List<Parameter> parameters;
    /** The parameters' elements in ranges, for the fold of the chunks' gradients. */
    private final ElementRanges ranges;
    /** The task whose batch accuracy is measured, or null for none. */
    private final Task task;
    private double batchAccuracy = Double.NaN;

    public ParallelStep(Module model, Loss loss) {
        this(model, loss, MAX_CHUNKS, null);
    }

    /** Also measuring each step's {@link #batchAccuracy()} for {@code task} (as {@link Trainer} does). */
    ParallelStep(Module model, Loss loss, Task task) {
        this(model, loss, MAX_CHUNKS, task);
    }

    /** With at most {@code maxChunks} chunks (tests use more, to check the fold's order). */
    ParallelStep(Module model, Loss loss, int maxChunks) {
        this(model, loss, maxChunks, null);
    }

    private ParallelStep(Module model, Loss loss, int maxChunks, Task task) {
        this.task = task;
        this.maxChunks = maxChunks;
        this.model = model;
        this.parameters = model.parameters();
        this.ranges = ElementRanges.of(parameters.stream().mapToInt(p -> p.shape().size()).toArray());
        this.loss = loss;
        this.splittable = PER_SAMPLE_LOSSES.contains(loss.getClass()) && model instanceof Sequential sequential
                && sequential.layers().stream().allMatch(layer -> ROW_WISE_LAYERS.contains(layer.getClass()));
    }

    /** The number of chunks a batch of {@code rows} rows is cut into (1: not split). */
    int chunks(int rows) {
        return splittable ? Math.max(1, Math.min(maxChunks, rows / MIN_CHUNK_ROWS)) : 1;
    }

    /**
     * Adds the gradient of the batch's mean loss to each parameter's gradient (call
     * {@code zeroGrad} first, as before {@code backward()}) and returns that loss. The caller
     * keeps nothing of the network's output (as in an {@link OutputReuse} scope).
     */
    public double lossAndGradients(Tensor features, Tensor targets) {
        int rows = features.shape().dim(0);
        boolean rowsMatch = features.shape().rank() == 2 && targets.shape().rank() >= 1
                && targets.shape().dim(0) == rows;   // else the whole pass, whose loss names the shapes
        int count = rowsMatch ? chunks(rows) : 1;
        if (count == 1) {
            Tensor value;
            try (OutputReuse scope = OutputReuse.enter()) {
                Tensor outputs = model.forward(features);
                batchAccuracy = task == null ? Double.NaN : BatchAccuracy.of(task, outputs, targets);
                value = loss.compute(outputs, targets);
                value.backward();
            }
            return value.item();
        }
        if (chunks.isEmpty()) {
            chunks.add(BatchChunk.of(model));
        }
        while (chunks.size() < count) {
            chunks.add(BatchChunk.copyOf((Sequential) model, features.shape().dim(1)));
        }
        for (int c = 0; c < count; c++) {
            chunks.get(c).share(parameters);
        }
        KernelThreads.forEach(count, c -> chunks.get(c).run(loss, features, targets, c * rows / count,
                (c + 1) * rows / count, classifies()));
        foldGradients(count);
        double value = 0;
        int correct = 0;
        for (int c = 0; c < count; c++) {
            value += chunks.get(c).weightedLoss();
            correct += chunks.get(c).correct();
        }
        batchAccuracy = classifies() ? (double) correct / rows : Double.NaN;
        return value;
    }

    private boolean classifies() {
        return task != null && task.isClassification();
    }

    /**
     * The accuracy of the last {@link #lossAndGradients} call's batch, from its forward pass (in
     * training mode, before the update); NaN for regression or without a task.
     */
    public double batchAccuracy() {
        return batchAccuracy;
    }

    /**
     * Adds the other chunks' gradients into the network's (chunk 0's, in its own storage) in chunk
     * order, (g₀ + g₁) + g₂ + …, range by range on the kernel threads: each element is the same
     * sum in the same order for any thread count.
     */
    private void foldGradients(int count) {
        ranges.forEach(r -> {
            int j = ranges.array(r);
            Tensor total = parameters.get(j).grad();
            for (int c = 1; c < count; c++) {
                Tensor g = chunks.get(c).gradient(j);
                if (total.floatData() != null) {
                    add(total.floatData(), g.floatData(), ranges.from(r), ranges.to(r));
                } else {
                    add(total.doubleData(), g.doubleData(), ranges.from(r), ranges.to(r));
                }
            }
        });
    }

    private static void add(float[] total, float[] g, int from, int to) {
        for (int i = from; i < to; i++) {
            total[i] += g[i];
        }
    }

    private static void add(double[] total, double[] g, int from, int to) {
        for (int i = from; i < to; i++) {
            total[i] += g[i];
        }
    }
}
