/**
 * Divergences between a network's output and the desired output, averaged over the batch:
 * {@code Loss = (1/N) Σ_n div(y_n, d_n)}. Softmax + cross-entropy and sigmoid + binary
 * cross-entropy are fused from the logits, so nothing overflows and the gradient at the logits
 * is exactly {@code (y − d)/N}.
 */
package org.descent.loss;
