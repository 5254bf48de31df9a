package org.descent.optim;

import org.descent.DescentException;

/**
 * Hyperparameters of {@link RmsProp}: the step size schedule, smoothing α ∈ [0, 1), ε &gt; 0,
 * L2 weight decay λ ≥ 0, momentum μ ∈ [0, 1) and the centered variant. PyTorch's defaults are
 * η = 0.01, α = 0.99, ε = 10⁻⁸, λ = 0, μ = 0, not centered. Build with
 * {@code RmsPropConfig.of(0.01).withMomentum(0.9).withCentered()}.
 */
public record RmsPropConfig(StepSize stepSize, double alpha, double epsilon, double weightDecay, double momentum,
                            boolean centered) {
    public RmsPropConfig {
        if (stepSize == null) {
            throw new DescentException("RMSprop needs a step size, got null");
        }
        Check.unitInterval("RMSprop alpha", alpha);
        Check.positive("epsilon", epsilon);
        Check.nonNegative("weight decay", weightDecay);
        Check.unitInterval("momentum", momentum);
    }

    public static RmsPropConfig of(double learningRate) {
        return of(StepSize.constant(learningRate));
    }

    public static RmsPropConfig of(StepSize stepSize) {
        return new RmsPropConfig(stepSize, 0.99, 1e-8, 0, 0, false);
    }

    public RmsPropConfig withAlpha(double value) {
        return new RmsPropConfig(stepSize, value, epsilon, weightDecay, momentum, centered);
    }

    public RmsPropConfig withEpsilon(double value) {
        return new RmsPropConfig(stepSize, alpha, value, weightDecay, momentum, centered);
    }

    /** L2 weight decay λ added to the gradient: g ← g + λW. */
    public RmsPropConfig withWeightDecay(double value) {
        return new RmsPropConfig(stepSize, alpha, epsilon, value, momentum, centered);
    }

    public RmsPropConfig withMomentum(double value) {
        return new RmsPropConfig(stepSize, alpha, epsilon, weightDecay, value, centered);
    }

    /** The centered variant: divide by the estimated standard deviation √(v − ḡ²) instead of √v. */
    public RmsPropConfig withCentered() {
        return new RmsPropConfig(stepSize, alpha, epsilon, weightDecay, momentum, true);
    }
}
