package org.descent.loss;

import org.descent.tensor.Tensor;

/**
 * A loss: the mean over the batch of a per-sample divergence,
 * {@code Loss = (1/N) Σ_n div(prediction_n, target_n)}, where a sample's divergence sums over
 * its features. Built from differentiable tensor operations, so {@code backward()} gives its
 * gradient and the gradient can be differentiated again.
 */
public interface Loss {

    /**
     * The loss as a scalar tensor (shape []), recorded in the graph.
     *
     * @param prediction the network output, (N, K); logits for the fused losses
     * @param target the desired output, (N, K)
     */
    Tensor compute(Tensor prediction, Tensor target);

    /** A short name for logs and model files, e.g. {@code cross_entropy}. */
    String name();
}
