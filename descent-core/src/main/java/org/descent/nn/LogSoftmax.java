package org.descent.nn;

import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/**
 * The logarithm of the softmax over the last axis: {@code y_i = z_i − log Σ_j exp(z_j)}, with the
 * log-sum-exp shifted by the row maximum so it is finite for any finite logits. Its Jacobian is
 * {@code ∂y_i/∂z_j = δ_ij − softmax(z)_j}.
 *
 * <p>Shape: input (N, K), output (N, K).
 */
public final class LogSoftmax extends Module {

    @Override
    public Tensor forward(Tensor input) {
        if (input.shape().rank() == 0) {
            throw new ShapeException(describe() + " needs at least one axis, got a scalar");
        }
        return input.logSoftmax(-1);
    }
}
