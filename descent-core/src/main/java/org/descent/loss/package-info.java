/**
 * Divergences between a network's output and the desired output, averaged over the batch:
 * {@code Loss = (1/N) Σ_n div(y_n, d_n)}. Softmax + cross-entropy and sigmoid + binary
 * cross-entropy are fused from the logits, so nothing overflows and the gradient at the logits
 * is exactly {@code (y − d)/N}. These two and L2 are each one graph node
 * ({@code SoftmaxCrossEntropy}, {@code SigmoidCrossEntropy}, {@code SquaredError}) that computes
 * the loss and, later, the gradient in one pass each.
 */
package org.descent.loss;
