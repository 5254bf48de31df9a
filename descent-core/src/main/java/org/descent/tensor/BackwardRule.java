package org.descent.tensor;

/**
 * The backward rule of one recorded operation: given dLoss/dOutput, the gradients with respect
 * to each input, in input order ({@code null} where an input needs none). Written with tensor
 * operations: the backward pass records them exactly when it was asked to ({@code createGraph}),
 * so the gradient is itself differentiable. A rule that computes its gradient directly, in
 * loops or kernels, is a {@link FusedRule} instead.
 */
@FunctionalInterface
public interface BackwardRule {
    Tensor[] apply(Tensor gradOutput);
}
