package org.descent.optim;

import java.util.List;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;

/**
 * The test problem Loss(w) = ½ (w₁² + 4 w₂²) from w = (1, −2): gradient (w₁, 4 w₂), so every
 * update can be followed by hand.
 */
final class Quadratic {
    final Parameter w = new Parameter(Tensor.of(new double[] {1.0, -2.0}, 2));
    private final Tensor curvature = Tensor.of(new double[] {1.0, 4.0}, 2);

    List<Parameter> parameters() {
        return List.of(w);
    }

    /** Zeroes the gradient, then computes the loss and its gradient; returns the loss. */
    double lossAndGradient(Optimizer optimizer) {
        optimizer.zeroGrad();
        Tensor loss = w.value().square().mul(curvature).sum().mul(0.5);
        loss.backward();
        return loss.item();
    }

    /** Takes {@code steps} steps and returns w after each, as rows. */
    double[][] run(Optimizer optimizer, int steps) {
        double[][] trace = new double[steps][];
        for (int k = 0; k < steps; k++) {
            lossAndGradient(optimizer);
            optimizer.step();
            trace[k] = w.value().toDoubleArray();
        }
        return trace;
    }
}
