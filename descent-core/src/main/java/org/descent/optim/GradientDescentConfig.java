package org.descent.optim;

import org.descent.DescentException;

/**
 * Hyperparameters of {@link GradientDescent}: the step size schedule, momentum μ ∈ [0, 1),
 * Nesterov momentum (needs μ &gt; 0) and weight decay λ ≥ 0. Validated when made; build with
 * {@code GradientDescentConfig.of(0.1).withMomentum(0.9)}.
 */
public record GradientDescentConfig(StepSize stepSize, double momentum, boolean nesterov, double weightDecay) {
    public GradientDescentConfig {
        if (stepSize == null) {
            throw new DescentException("gradient descent needs a step size, got null");
        }
        Check.unitInterval("momentum", momentum);
        if (nesterov && momentum == 0) {
            throw new DescentException("Nesterov momentum requires momentum > 0, got " + momentum);
        }
        Check.nonNegative("weight decay", weightDecay);
    }

    /** Plain gradient descent with a constant learning rate η. */
    public static GradientDescentConfig of(double learningRate) {
        return of(StepSize.constant(learningRate));
    }

    /** Plain gradient descent with the schedule η<sub>k</sub>. */
    public static GradientDescentConfig of(StepSize stepSize) {
        return new GradientDescentConfig(stepSize, 0, false, 0);
    }

    /** Heavy-ball momentum μ. */
    public GradientDescentConfig withMomentum(double value) {
        return new GradientDescentConfig(stepSize, value, false, weightDecay);
    }

    /** Nesterov momentum μ. */
    public GradientDescentConfig withNesterov(double value) {
        return new GradientDescentConfig(stepSize, value, true, weightDecay);
    }

    /** L2 weight decay λ: the gradient becomes g + λW. */
    public GradientDescentConfig withWeightDecay(double value) {
        return new GradientDescentConfig(stepSize, momentum, nesterov, value);
    }
}
