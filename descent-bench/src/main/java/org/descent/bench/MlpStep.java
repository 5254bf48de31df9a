package org.descent.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.nn.Linear;
import org.descent.nn.Parameter;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * One SGD training step of an MLP on a fixed synthetic batch of Fashion-MNIST shape (pixels
 * uniform in [0, 1), random labels): ReLU between Linear layers, softmax cross-entropy
 * {@code L = −(1/N) Σ_n log softmax(z_n)[y_n]}, then {@code θ ← θ − lr · ∂L/∂θ}. Written with the
 * public API only, as a user would. Synthetic data is enough for throughput: the work per step
 * does not depend on the values.
 */
public final class MlpStep {
    private final List<Linear> layers = new ArrayList<>();
    private final Tensor input;
    private final Tensor oneHot;
    private final int batch;
    private final double learningRate;

    /** {@code sizes} from input to classes, e.g. {784, 256, 128, 10}. */
    public MlpStep(int[] sizes, int batch, double learningRate, long seed) {
        if (sizes.length < 2 || batch < 1 || !(learningRate > 0)) {
            throw new DescentException("MlpStep needs at least two sizes, a positive batch and learning rate, got "
                    + sizes.length + " sizes, batch " + batch + ", learning rate " + learningRate);
        }
        Random random = new Random(seed);
        for (int i = 0; i + 1 < sizes.length; i++) {
            layers.add(new Linear(sizes[i], sizes[i + 1], random));
        }
        this.batch = batch;
        this.learningRate = learningRate;
        this.input = Tensor.uniform(random, 0, 1, DType.FLOAT32, batch, sizes[0]);
        int classes = sizes[sizes.length - 1];
        this.oneHot = Tensor.zeros(DType.FLOAT32, batch, classes);
        for (int n = 0; n < batch; n++) {
            oneHot.set(n * classes + random.nextInt(classes), 1.0);
        }
    }

    /** Forward, backward and update on the batch; returns the loss before the update. */
    public double step() {
        Tensor x = input;
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).forward(x);
            if (i + 1 < layers.size()) {
                x = x.relu();
            }
        }
        Tensor loss = x.logSoftmax(1).mul(oneHot).sum().mul(-1.0 / batch);
        loss.backward();
        for (Linear layer : layers) {
            for (Parameter p : layer.parameters()) {
                p.value().addInPlace(-learningRate, p.grad());
                p.zeroGrad();
            }
        }
        return loss.item();
    }

    public int batch() {
        return batch;
    }

    /** The weights of layer {@code i}, for checks. */
    public Tensor weight(int i) {
        return layers.get(i).weight().value();
    }
}
