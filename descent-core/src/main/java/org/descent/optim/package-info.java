/**
 * Gradient-based updates of parameters: {@link org.descent.optim.Optimizer}s from plain
 * {@link org.descent.optim.GradientDescent} (with momentum and Nesterov) to
 * {@link org.descent.optim.Adam}; {@link org.descent.optim.StepSize} schedules for the step size
 * η<sub>k</sub>; {@link org.descent.optim.StopRule}s that end an iterative minimization or a training
 * run (loss change &lt; ε₁, gradient norm &lt; ε₂, maximum steps); and the
 * {@link org.descent.optim.DivergenceGuard} that stops a run whose loss is no longer finite.
 */
package org.descent.optim;
