package org.descent.loss;

import org.descent.tensor.FusedRule;
import org.descent.tensor.GradientStorage;
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
 * in float64), into the storage {@link GradientStorage} gives (what y's layer lends, else new).
 * No temporaries, and nothing kept between the passes. Its {@link FusedRule#reference()
 * reference} is the unfused tensor formula, differentiated instead for second derivatives.
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
        return loss.recordedFrom("l2", FusedRule.of(() -> unfused(y, target), (g, storage) -> backward(y, target, g, storage)), y);
    }

    private static Tensor[] backward(Tensor y, Tensor target, Tensor g, GradientStorage storage) {
        double scale = g.item() / y.shape().dim(0);
        Tensor dY = storage.of(0);
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
