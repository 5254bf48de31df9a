/**
 * The user's side of define-by-run differentiation: {@link org.descent.autograd.Backprop}
 * (gradients of any output with respect to chosen inputs), {@link org.descent.autograd.NoGrad}
 * and {@link org.descent.autograd.OutputReuse} scopes, user-defined
 * {@link org.descent.autograd.Function}s and {@link org.descent.autograd.GradCheck}. The core
 * (recorded {@code Node}s, backward rules, fused rules and the backward pass) lives beside
 * {@code Tensor} in {@code org.descent.tensor}; this package depends on it, never the reverse.
 */
package org.descent.autograd;
