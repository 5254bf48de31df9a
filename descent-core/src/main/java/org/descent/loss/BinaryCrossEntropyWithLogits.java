package org.descent.loss;

import org.descent.tensor.Tensor;

/**
 * Sigmoid and binary cross-entropy fused, from the logits z (p = σ(z)):
 * {@code div(z, d) = Σ_k [max(z_k, 0) − z_k d_k + log(1 + e^{−|z_k|})]}, which equals
 * {@code −[d log σ(z) + (1 − d) log(1 − σ(z))]} but never overflows. The gradient at the logits
 * is exactly {@code (σ(z) − d)/N}, finite for any finite z. Loss and gradient are each computed
 * in one pass by a fused node ({@link SigmoidCrossEntropy}), with no temporaries, unless the
 * target itself requires gradients; then the loss is {@code softplus(z) − z·d} from tensor
 * operations.
 *
 * <p>Shape: prediction z (N, K), target d (N, K) in [0, 1] of the same dtype, loss []. For
 * K &gt; 1 (multi-label) the columns are summed per sample; PyTorch's default averages them
 * instead.
 */
public record BinaryCrossEntropyWithLogits() implements Loss {

    @Override
    public Tensor compute(Tensor prediction, Tensor target) {
        Checks.sameMatrixShape(name(), prediction, target);
        Checks.sameDType(name(), prediction, target);
        Checks.inRange(name(), "target", target, 0.0, 1.0);
        return target.requiresGrad() ? SigmoidCrossEntropy.unfused(prediction, target)
                : SigmoidCrossEntropy.apply(prediction, target);
    }

    @Override
    public String name() {
        return "binary_cross_entropy_with_logits";
    }
}
