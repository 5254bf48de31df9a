package org.descent.loss;

import org.descent.tensor.Tensor;

/**
 * The Kullback–Leibler divergence of the softmax of the logits z from soft targets d:
 * {@code div(z, d) = Σ_k d_k (log d_k − log softmax(z)_k)}, averaged over the batch, with
 * {@code 0 · log 0 = 0}. It is the cross-entropy minus the entropy of d, so it is 0 exactly when
 * softmax(z) = d, and its gradient at the logits is {@code (softmax(z) − d)/N}. Like PyTorch's
 * {@code kl_div(log_softmax(z), d, reduction="batchmean")}.
 *
 * <p>Shape: prediction z (N, K) logits, target d (N, K) with rows that are distributions, loss [].
 */
public record KlDivergence() implements Loss {

    @Override
    public Tensor compute(Tensor prediction, Tensor target) {
        Checks.sameMatrixShape(name(), prediction, target);
        Checks.distributions(name(), target);
        Tensor zeros = Tensor.zeros(target.dtype(), target.shape().dims());
        for (int i = 0; i < target.size(); i++) {
            zeros.set(i, target.get(i) == 0 ? 1.0 : 0.0);
        }
        // log(d + [d = 0]) is log d where d > 0 and 0 where d = 0, so d · log d is 0 there.
        Tensor logTarget = target.add(zeros).log();
        return Checks.batchMean(target.mul(logTarget.sub(prediction.logSoftmax(1))));
    }

    @Override
    public String name() {
        return "kl_divergence";
    }
}
