package org.descent.optim;

import java.util.List;
import java.util.Optional;

/**
 * A criterion that ends an iterative minimization or a training run, checked after each step.
 * The lecture's convergence criteria are {@code |Loss_k − Loss_{k−1}| < ε₁} and
 * {@code ‖∇Loss‖ < ε₂}; a maximum number of steps bounds the run. Rules combine with
 * {@link #anyOf} or {@link #or}; rules hold no state, so one rule can serve several runs.
 */
@FunctionalInterface
public interface StopRule {
    /** The reason to stop at {@code progress}, or empty to go on. */
    Optional<StopReason> check(Progress progress);

    /** Stops when {@code |Loss_k − Loss_{k−1}| < ε₁} (never at the first step). */
    static StopRule lossChange(double epsilon) {
        return new LossChangeRule(epsilon);
    }

    /** Stops when the gradient norm {@code ‖∇Loss‖ < ε₂}. */
    static StopRule gradientNorm(double epsilon) {
        return new GradientNormRule(epsilon);
    }

    /** Stops when {@code steps} steps have been taken. */
    static StopRule maxSteps(int steps) {
        return new MaxStepsRule(steps);
    }

    /** Stops when any of {@code rules} fires; the first one that fires, in order, gives the reason. */
    static StopRule anyOf(StopRule... rules) {
        return new AnyOfRule(List.of(rules));
    }

    /** {@code anyOf(this, other)}. */
    default StopRule or(StopRule other) {
        return anyOf(this, other);
    }
}
