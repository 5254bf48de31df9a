package org.descent.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.autograd.NoGrad;
import org.descent.loss.CrossEntropy;
import org.descent.nn.BatchNorm1d;
import org.descent.nn.Dropout;
import org.descent.nn.Linear;
import org.descent.nn.Module;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.optim.GradientDescent;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.descent.train.ParallelStep;

/**
 * One SGD training step of an MLP on a fixed synthetic batch of Fashion-MNIST shape (pixels
 * uniform in [0, 1), random labels): {@code Sequential} of Linear layers with ReLU between them,
 * {@link CrossEntropy} {@code L = −(1/N) Σ_n log softmax(z_n)[y_n]}, then {@link GradientDescent}
 * {@code θ ← θ − lr · ∂L/∂θ}. Written with the public API only, as a user would. Synthetic data
 * is enough for throughput: the work per step does not depend on the values. Optionally with a
 * {@link BatchNorm1d} before and a {@link Dropout} after each hidden ReLU, to measure their cost.
 */
public final class MlpStep {
    private final Sequential model;
    private final GradientDescent optimizer;
    private final CrossEntropy loss = new CrossEntropy();
    private final Tensor input;
    private final Tensor oneHot;
    private final int batch;
    private final ParallelStep gradients;
    private final List<Linear> linears = new ArrayList<>();

    /** {@code sizes} from input to classes, e.g. {784, 256, 128, 10}. */
    public MlpStep(int[] sizes, int batch, double learningRate, long seed) {
        this(sizes, batch, learningRate, seed, false, 0);
    }

    /** As above, with batch norm before each hidden ReLU if {@code batchNorm}, dropout after it if {@code dropout > 0}. */
    public MlpStep(int[] sizes, int batch, double learningRate, long seed, boolean batchNorm, double dropout) {
        if (sizes.length < 2 || batch < 1 || !(learningRate > 0)) {
            throw new DescentException("MlpStep needs at least two sizes, a positive batch and learning rate, got "
                    + sizes.length + " sizes, batch " + batch + ", learning rate " + learningRate);
        }
        Random random = new Random(seed);
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            linears.add(new Linear(sizes[i], sizes[i + 1], random));
            layers.add(linears.get(i));
            if (i + 2 < sizes.length) {
                if (batchNorm) {
                    layers.add(new BatchNorm1d(sizes[i + 1]));
                }
                layers.add(new Relu());
                if (dropout > 0) {
                    layers.add(new Dropout(dropout, random));
                }
            }
        }
        this.model = new Sequential(layers.toArray(new Module[0]));
        this.optimizer = new GradientDescent(model.parameters(), learningRate);
        this.batch = batch;
        this.input = Tensor.uniform(random, 0, 1, DType.FLOAT32, batch, sizes[0]);
        int classes = sizes[sizes.length - 1];
        int[] labels = new int[batch];
        for (int n = 0; n < batch; n++) {
            labels[n] = random.nextInt(classes);
        }
        this.oneHot = CrossEntropy.targets(labels, classes);
        this.gradients = new ParallelStep(model, loss);
    }

    /** Forward, backward and update on the batch; returns the loss before the update. */
    public double step() {
        optimizer.zeroGrad();
        double value = gradients.lossAndGradients(input, oneHot);   // as the Trainer does
        optimizer.step();
        return value;
    }

    /** The network's output on the batch with no graph recorded, as {@code Model.predict} runs it. */
    public Tensor predict() {
        try (NoGrad scope = NoGrad.enter()) {
            return model.forward(input);
        }
    }

    public int batch() {
        return batch;
    }

    /** The weights of Linear layer {@code i}, for checks. */
    public Tensor weight(int i) {
        return linears.get(i).weight().value();
    }
}
