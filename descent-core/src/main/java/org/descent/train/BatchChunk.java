package org.descent.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.autograd.Backprop;
import org.descent.autograd.OutputReuse;
import org.descent.loss.Loss;
import org.descent.nn.LayerRegistry;
import org.descent.nn.Module;
import org.descent.nn.Parameter;
import org.descent.nn.Sequential;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * One chunk of a {@link ParallelStep}'s batch and the network that computes it: the first chunk
 * runs on the network itself, adding into its gradients; each other one on a copy of the layers
 * whose parameters share the network's weight storage (the optimizers update weights in place; a
 * replaced weight is shared again before the next step), with gradients and reused storage of its own.
 */
final class BatchChunk {
    private final Module network;
    private final List<Parameter> parameters;
    private final boolean copy;
    private Tensor features;
    private Tensor targets;
    private double weightedLoss;
    private int correct;
    /** dL/dL of the chunk's loss: its share of the batch's rows (kept while the share stays). */
    private Tensor seed;
    private double seedShare;

    private BatchChunk(Module network, boolean copy) {
        this.network = network;
        this.parameters = network.parameters();
        this.copy = copy;
    }

    /** The chunk computed by {@code network} itself. */
    static BatchChunk of(Module network) {
        return new BatchChunk(network, false);
    }

    /** A chunk computed by a copy of {@code network}'s layers, fed {@code inputSize} features. */
    static BatchChunk copyOf(Sequential network, int inputSize) {
        List<Module> layers = new ArrayList<>();
        int size = inputSize;
        Random unused = new Random(0);   // the weights drawn here are replaced by the network's
        for (int i = 0; i < network.layers().size(); i++) {
            Module layer = network.layers().get(i);
            layers.add(LayerRegistry.create(LayerRegistry.describe(layer, "layers." + i), size, unused));
            size = layer.outputSize(size);
        }
        return new BatchChunk(new Sequential(layers.toArray(new Module[0])), true);
    }

    /** For a copy: shares the network's current weights. */
    void share(List<Parameter> shared) {
        for (int j = 0; copy && j < parameters.size(); j++) {
            Tensor value = shared.get(j).value();
            Tensor mine = parameters.get(j).value();
            if (mine.floatData() != value.floatData() || mine.doubleData() != value.doubleData()) {
                parameters.get(j).set(value, "parameter " + j);
            }
        }
    }

    /**
     * Forward and backward of rows {@code from..to-1} of the batch, their mean loss scaled by
     * their share of the batch's rows; with {@code classify}, also the rows classified right.
     */
    void run(Loss loss, Tensor batchFeatures, Tensor batchTargets, int from, int to, boolean classify) {
        features = rows(features, batchFeatures, from, to);
        targets = rows(targets, batchTargets, from, to);
        int batchRows = batchFeatures.shape().dim(0);
        double share = features.shape().dim(0) / (double) batchRows;
        for (int j = 0; copy && j < parameters.size(); j++) {
            parameters.get(j).zeroGrad();
        }
        try (OutputReuse scope = OutputReuse.enter()) {
            Tensor outputs = network.forward(features);
            correct = classify ? BatchAccuracy.correct(outputs, targets) : 0;
            Tensor value = loss.compute(outputs, targets);
            weightedLoss = value.item() * share;
            if (seed == null || seed.dtype() != value.dtype() || seedShare != share) {
                seed = Tensor.scalar(share, value.dtype());
                seedShare = share;
            }
            Backprop.backward(value, seed, false);
        }
    }

    /** The rows of the last {@link #run} classified right (0 unless it was asked to classify). */
    int correct() {
        return correct;
    }

    double weightedLoss() {
        return weightedLoss;
    }

    /** The chunk's gradient of parameter {@code j} (in {@code parameters()} order). */
    Tensor gradient(int j) {
        Tensor g = parameters.get(j).grad();
        if (g == null) {
            throw new DescentException("parameter " + j + " got no gradient in its chunk of the batch");
        }
        return g;
    }

    /** Rows from..to-1 of {@code batch} (row-major, first dimension the sample), in {@code reuse} if it fits. */
    private static Tensor rows(Tensor reuse, Tensor batch, int from, int to) {
        int rowSize = batch.shape().dim(0) == 0 ? 0 : batch.size() / batch.shape().dim(0);
        Tensor chunk = fits(reuse, batch, to - from) ? reuse : Tensor.zeros(batch.dtype(), chunkDims(batch, to - from));
        if (batch.dtype() == DType.FLOAT32) {
            System.arraycopy(batch.floatData(), from * rowSize, chunk.floatData(), 0, chunk.size());
        } else {
            System.arraycopy(batch.doubleData(), from * rowSize, chunk.doubleData(), 0, chunk.size());
        }
        return chunk;
    }

    /** Whether {@code reuse} has the dtype and shape of {@code rows} rows of {@code batch}. */
    private static boolean fits(Tensor reuse, Tensor batch, int rows) {
        if (reuse == null || reuse.dtype() != batch.dtype() || reuse.shape().rank() != batch.shape().rank()
                || reuse.shape().dim(0) != rows) {
            return false;
        }
        for (int d = 1; d < batch.shape().rank(); d++) {
            if (reuse.shape().dim(d) != batch.shape().dim(d)) {
                return false;
            }
        }
        return true;
    }

    private static int[] chunkDims(Tensor batch, int rows) {
        int[] dims = batch.shape().dims().clone();
        dims[0] = rows;
        return dims;
    }
}
