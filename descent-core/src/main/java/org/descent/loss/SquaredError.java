package org.descent.loss;

import java.util.List;
import org.descent.autograd.Backprop;
import org.descent.autograd.NoGrad;
import org.descent.tensor.Tensor;

/**
 * Half the squared error as one graph node, from the prediction y (N, K) and a constant target d:
 *
 * <pre>
 *   L = (1/N) Σ_n ½ Σ_k (y_nk − d_nk)²,        dL/dy_nk = g · (y_nk − d_nk) / N
 * </pre>
 *
 * One pass computes the loss, accumulated in double and rounded to the dtype of y once; the
 * backward pass computes the gradient in one more pass, in double rounded per element (exact
 * in float64), into the storage {@link Tensor#gradStorage()} gives (offered, else new). No
 * temporaries, and nothing kept between the passes. When the backward pass records a graph
 * (second derivatives) the rule differentiates the unfused tensor formula instead, so higher
 * derivatives stay exact.
 */
final class SquaredError {
    private SquaredError() {
    }

    /** The loss, recorded as one node with input y; {@code target} must not require gradients. */
    static Tensor apply(Tensor y, Tensor target) {
        double total = 0;
        for (int i = 0; i < y.size(); i++) {
            double e = y.get(i) - target.get(i);
            total += e * e;
        }
        int rows = y.shape().dim(0);
        Tensor loss = Tensor.scalar(0.5 * total / rows, y.dtype());
        return loss.recordedFrom("l2", g -> backward(y, target, g), y);
    }

    private static Tensor[] backward(Tensor y, Tensor target, Tensor g) {
        if (!NoGrad.active()) {
            return Backprop.gradients(unfused(y, target), g, List.of(y), true);
        }
        double scale = g.item() / y.shape().dim(0);
        Tensor dY = y.gradStorage();
        for (int i = 0; i < dY.size(); i++) {
            dY.set(i, scale * (y.get(i) - target.get(i)));
        }
        return new Tensor[] {dY};
    }

    /** {@code (1/N) Σ ½ (y − d)²} from tensor operations. */
    static Tensor unfused(Tensor y, Tensor target) {
        return Checks.batchMean(y.sub(target).square()).mul(0.5);
    }
}
