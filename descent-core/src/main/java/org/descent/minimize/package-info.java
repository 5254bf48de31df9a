/**
 * Function minimization, as the lecture builds it: find x where ∇f(x) = 0 and read the Hessian
 * there. {@link org.descent.minimize.Objective} is a scalar function of a float64 vector, written
 * with tensors or parsed from text by {@link org.descent.minimize.ExpressionParser};
 * {@link org.descent.minimize.Curvature} gives its gradient, exact Hessian and Hessian-vector
 * products by (second-order) backpropagation; {@link org.descent.minimize.SymmetricEigen} and
 * {@link org.descent.minimize.CriticalPoint} classify a point; {@link org.descent.minimize.Minimizer}
 * runs the closed form, Newton's method, gradient descent (fixed step, schedules, the sign-only
 * "trivial algorithm", Armijo line search) with the stop rules ε₁, ε₂;
 * {@link org.descent.minimize.NetworkAnalysis} examines the Hessian of a network's loss.
 */
package org.descent.minimize;
