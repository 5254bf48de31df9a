package org.descent.loss;

import org.descent.tensor.Tensor;

/**
 * Sigmoid and binary cross-entropy fused, from the logits z (p = σ(z)):
 * {@code div(z, d) = Σ_k [max(z_k, 0) − z_k d_k + log(1 + e^{−|z_k|})]}, which equals
 * {@code −[d log σ(z) + (1 − d) log(1 − σ(z))]} but never overflows. It is computed as
 * {@code softplus(z) − z·d}, so the gradient at the logits is exactly {@code (σ(z) − d)/N},
 * finite for any finite z.
 *
 * <p>Shape: prediction z (N, K), target d (N, K) in [0, 1], loss []. For K &gt; 1 (multi-label)
 * the columns are summed per sample; PyTorch's default averages them instead.
 */
public record BinaryCrossEntropyWithLogits() implements Loss {

    @Override
    public Tensor compute(Tensor prediction, Tensor target) {
        Checks.sameMatrixShape(name(), prediction, target);
        Checks.inRange(name(), "target", target, 0.0, 1.0);
        return Checks.batchMean(prediction.softplus().sub(prediction.mul(target)));
    }

    @Override
    public String name() {
        return "binary_cross_entropy_with_logits";
    }
}
