package org.descent.loss;

import org.descent.tensor.Tensor;

/**
 * Binary cross-entropy on probabilities (the output of a sigmoid):
 * {@code div(p, d) = −Σ_k [d_k log p_k + (1 − d_k) log(1 − p_k)]}, averaged over the batch;
 * {@code ∂div/∂p = (p − d) / (p (1 − p))}.
 *
 * <p>Domain: p must lie in [0, 1] (checked), and it is not clamped: p exactly 0 or 1 on the
 * wrong side of the target gives an infinite loss. For training, prefer
 * {@link BinaryCrossEntropyWithLogits}, which takes the logits and is stable everywhere.
 *
 * <p>Shape: prediction p (N, K), target d (N, K) in [0, 1], loss []. For K &gt; 1 (multi-label)
 * the columns are summed per sample; PyTorch's default averages them instead.
 */
public record BinaryCrossEntropy() implements Loss {

    @Override
    public Tensor compute(Tensor prediction, Tensor target) {
        Checks.sameMatrixShape(name(), prediction, target);
        Checks.inRange(name(), "probability", prediction, 0.0, 1.0);
        Checks.inRange(name(), "target", target, 0.0, 1.0);
        Tensor positive = target.mul(prediction.log());
        Tensor negative = target.neg().add(1.0).mul(prediction.neg().add(1.0).log());
        return Checks.batchMean(positive.add(negative)).neg();
    }

    @Override
    public String name() {
        return "binary_cross_entropy";
    }
}
