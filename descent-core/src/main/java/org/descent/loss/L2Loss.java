package org.descent.loss;

import org.descent.tensor.Tensor;

/**
 * The L2 divergence for regression: {@code div(y, d) = ½ ‖y − d‖² = ½ Σ_k (y_k − d_k)²}, averaged
 * over the batch, so {@code ∂Loss/∂y = (y − d)/N}.
 *
 * <p>Shape: prediction y (N, K), target d (N, K), loss [].
 */
public record L2Loss() implements Loss {

    @Override
    public Tensor compute(Tensor prediction, Tensor target) {
        Checks.sameMatrixShape(name(), prediction, target);
        return Checks.batchMean(prediction.sub(target).square()).mul(0.5);
    }

    @Override
    public String name() {
        return "l2";
    }
}
