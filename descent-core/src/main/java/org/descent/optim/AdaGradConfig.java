package org.descent.optim;

import org.descent.DescentException;

/**
 * Hyperparameters of {@link AdaGrad}: the step size schedule, ε &gt; 0, L2 weight decay λ ≥ 0 and
 * the initial value of the sum of squares (≥ 0). PyTorch's defaults are η = 0.01, ε = 10⁻¹⁰,
 * λ = 0, initial sum 0. PyTorch's {@code lr_decay} d is the schedule
 * {@code StepSize.inverseTime(η, d)}.
 */
public record AdaGradConfig(StepSize stepSize, double epsilon, double weightDecay, double initialAccumulator) {
    public AdaGradConfig {
        if (stepSize == null) {
            throw new DescentException("AdaGrad needs a step size, got null");
        }
        Check.positive("epsilon", epsilon);
        Check.nonNegative("weight decay", weightDecay);
        Check.nonNegative("initial accumulator value", initialAccumulator);
    }

    public static AdaGradConfig of(double learningRate) {
        return of(StepSize.constant(learningRate));
    }

    public static AdaGradConfig of(StepSize stepSize) {
        return new AdaGradConfig(stepSize, 1e-10, 0, 0);
    }

    public AdaGradConfig withEpsilon(double value) {
        return new AdaGradConfig(stepSize, value, weightDecay, initialAccumulator);
    }

    /** L2 weight decay λ added to the gradient: g ← g + λW. */
    public AdaGradConfig withWeightDecay(double value) {
        return new AdaGradConfig(stepSize, epsilon, value, initialAccumulator);
    }

    public AdaGradConfig withInitialAccumulator(double value) {
        return new AdaGradConfig(stepSize, epsilon, weightDecay, value);
    }
}
