package org.descent.autograd;

import org.descent.tensor.Tensor;

/**
 * The backward rule of one recorded operation: given dLoss/dOutput, the gradients with respect
 * to each input, in input order ({@code null} where an input needs none). Written with tensor
 * operations, so that with {@code createGraph} the gradient is itself differentiable.
 */
@FunctionalInterface
public interface BackwardRule {
    Tensor[] apply(Tensor gradOutput);
}
