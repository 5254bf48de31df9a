package org.descent.loss;

import org.descent.tensor.Tensor;

/**
 * The L2 divergence for regression: {@code div(y, d) = ½ ‖y − d‖² = ½ Σ_k (y_k − d_k)²}, averaged
 * over the batch, so {@code ∂Loss/∂y = (y − d)/N}. Loss and gradient are each computed in one
 * pass by a fused node ({@link SquaredError}), with no temporaries, unless the target itself
 * requires gradients.
 *
 * <p>Shape: prediction y (N, K), target d (N, K) of the same dtype, loss [].
 */
public record L2Loss() implements Loss {

    @Override
    public Tensor compute(Tensor prediction, Tensor target) {
        Checks.sameMatrixShape(name(), prediction, target);
        Checks.sameDType(name(), prediction, target);
        return target.requiresGrad() ? SquaredError.unfused(prediction, target) : SquaredError.apply(prediction, target);
    }

    @Override
    public String name() {
        return "l2";
    }
}
