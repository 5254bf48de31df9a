package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.descent.autograd.NoGrad;
import org.descent.loss.BinaryCrossEntropyWithLogits;
import org.descent.loss.L2Loss;
import org.descent.loss.Loss;
import org.descent.nn.Linear;
import org.descent.nn.Sequential;
import org.descent.nn.Sigmoid;
import org.descent.nn.Tanh;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The classic learning problems, seeded, in float32: each learns what it should within a fixed number of steps. */
class LearningTest {

    /** Full-batch training: {@code steps} steps of the optimizer on {@code loss(net(x), d)}; returns the last loss. */
    private static double train(Sequential net, Optimizer optimizer, Tensor x, Tensor d, int steps,
            Loss loss) {
        double value = Double.NaN;
        for (int k = 0; k < steps; k++) {
            optimizer.zeroGrad();
            Tensor l = loss.compute(net.forward(x), d);
            l.backward();
            value = DivergenceGuard.requireFinite(l.item(), k, optimizer.learningRate());
            optimizer.step();
        }
        return value;
    }

    @Test
    void gradientDescentLearnsXorWithTwoHiddenSigmoids() {
        Random random = new Random(1);
        Sequential net = new Sequential(new Linear(2, 2, random), new Sigmoid(),
                new Linear(2, 1, random), new Sigmoid());
        Tensor x = Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
        Tensor d = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);
        double loss = train(net, new GradientDescent(net.parameters(), 2.0), x, d, 3000, new L2Loss());
        assertTrue(loss < 0.01, "XOR loss " + loss);
        try (NoGrad scope = NoGrad.enter()) {
            Tensor y = net.forward(x);
            for (int i = 0; i < 4; i++) {
                assertTrue((y.get(i) > 0.5) == (d.get(i) > 0.5), "XOR output " + i + ": " + y.get(i));
            }
        }
    }

    @Test
    void adamFitsSineOnMinusPiToPi() {
        Random random = new Random(7);
        Sequential net = new Sequential(new Linear(1, 16, random), new Tanh(), new Linear(16, 1, random));
        int n = 64;
        Tensor x = Tensor.zeros(DType.FLOAT32, n, 1);
        Tensor d = Tensor.zeros(DType.FLOAT32, n, 1);
        for (int i = 0; i < n; i++) {
            double t = -Math.PI + 2 * Math.PI * i / (n - 1);
            x.set(i, t);
            d.set(i, Math.sin(t));
        }
        // mean squared error = 2 · L2 loss for one output
        double mse = 2 * train(net, new Adam(net.parameters(), 0.02), x, d, 1500, new L2Loss());
        assertTrue(mse < 1e-3, "sine MSE " + mse);
    }

    @Test
    void aSigmoidClassifierSeparatesTwoClassesOnHeldOutData() {
        Random random = new Random(3);
        Sequential net = new Sequential(new Linear(2, 4, random), new Tanh(), new Linear(4, 1, random));
        Tensor[] train = blobs(random, 200);
        Tensor[] test = blobs(random, 200);
        // binary cross-entropy of p = σ(z), computed from the logit z
        double loss = train(net, new GradientDescent(net.parameters(), GradientDescentConfig.of(0.5).withMomentum(0.9)),
                train[0], train[1], 200, new BinaryCrossEntropyWithLogits());
        assertTrue(loss < 0.05, "cross-entropy " + loss);
        try (NoGrad scope = NoGrad.enter()) {
            Tensor p = net.forward(test[0]).sigmoid();
            int correct = 0;
            for (int i = 0; i < p.size(); i++) {
                correct += (p.get(i) >= 0.5) == (test[1].get(i) == 1) ? 1 : 0;
            }
            assertTrue(correct >= 0.95 * p.size(), "accuracy " + correct + "/" + p.size());
        }
    }

    /** Two Gaussian blobs around (1, 1) (class 1) and (−1, −1) (class 0), σ = 0.5: inputs and labels. */
    private static Tensor[] blobs(Random random, int n) {
        Tensor x = Tensor.zeros(DType.FLOAT32, n, 2);
        Tensor d = Tensor.zeros(DType.FLOAT32, n, 1);
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            double center = label == 1 ? 1 : -1;
            x.set(2 * i, center + 0.5 * random.nextGaussian());
            x.set(2 * i + 1, center + 0.5 * random.nextGaussian());
            d.set(i, label);
        }
        return new Tensor[] {x, d};
    }
}
