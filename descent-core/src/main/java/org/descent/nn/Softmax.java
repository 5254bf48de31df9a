package org.descent.nn;

import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/**
 * The softmax vector activation over the last axis (the features of each sample):
 * {@code y_i = exp(z_i) / Σ_j exp(z_j)}, computed from {@code z − logSumExp(z)} so that no
 * exponential overflows. Its Jacobian is {@code ∂y_i/∂z_j = y_i (δ_ij − y_j)}.
 *
 * <p>For training a classifier, prefer feeding the logits to
 * {@link org.descent.loss.CrossEntropy}, which fuses softmax and the divergence.
 *
 * <p>Shape: input (N, K), output (N, K), each row summing to 1.
 */
public final class Softmax extends Module {

    @Override
    public Tensor forward(Tensor input) {
        if (input.shape().rank() == 0) {
            throw new ShapeException(describe() + " needs at least one axis, got a scalar");
        }
        return input.softmax(-1);
    }
}
