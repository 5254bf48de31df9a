/**
 * Define-by-run reverse-mode differentiation: operations on tensors that require gradients
 * record {@link org.descent.autograd.Node}s; {@link org.descent.autograd.Backprop} walks them in
 * reverse topological order and sums the gradients at every fan-out. Backward rules are
 * themselves tensor operations, so gradients can be differentiated again (exact Hessians).
 */
package org.descent.autograd;
