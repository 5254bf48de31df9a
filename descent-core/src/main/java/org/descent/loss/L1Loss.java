package org.descent.loss;

import org.descent.tensor.Tensor;

/**
 * The L1 divergence for regression: {@code div(y, d) = ‖y − d‖₁ = Σ_k |y_k − d_k|}, averaged over
 * the batch, so {@code ∂Loss/∂y = sign(y − d)/N} (0 where y = d, as PyTorch). Like the other
 * losses it sums over a sample's outputs: PyTorch's {@code l1_loss(y, d, reduction="sum") / N},
 * which is K times its default mean over all elements.
 *
 * <p>Shape: prediction y (N, K), target d (N, K) of the same dtype, loss [].
 */
public record L1Loss() implements Loss {

    @Override
    public Tensor compute(Tensor prediction, Tensor target) {
        Checks.sameMatrixShape(name(), prediction, target);
        Checks.sameDType(name(), prediction, target);
        return Checks.batchMean(prediction.sub(target).abs());
    }

    @Override
    public String name() {
        return "l1";
    }
}
