package org.descent.optim;

import org.descent.DescentException;

/**
 * Hyperparameters of {@link Adam}: step size schedule, β1, β2 ∈ [0, 1), ε &gt; 0 and weight decay
 * λ ≥ 0; PyTorch's defaults are β1 = 0.9, β2 = 0.999, ε = 10⁻⁸, λ = 0. Validated when made; build
 * with {@code AdamConfig.of(0.001).withBetas(0.9, 0.99)}.
 */
public record AdamConfig(StepSize stepSize, double beta1, double beta2, double epsilon, double weightDecay) {
    public AdamConfig {
        if (stepSize == null) {
            throw new DescentException("Adam needs a step size, got null");
        }
        Check.unitInterval("beta1", beta1);
        Check.unitInterval("beta2", beta2);
        Check.positive("epsilon", epsilon);
        Check.nonNegative("weight decay", weightDecay);
    }

    /** Adam with PyTorch's defaults and a constant learning rate η. */
    public static AdamConfig of(double learningRate) {
        return of(StepSize.constant(learningRate));
    }

    /** Adam with PyTorch's defaults and the schedule η<sub>k</sub>. */
    public static AdamConfig of(StepSize stepSize) {
        return new AdamConfig(stepSize, 0.9, 0.999, 1e-8, 0);
    }

    public AdamConfig withBetas(double first, double second) {
        return new AdamConfig(stepSize, first, second, epsilon, weightDecay);
    }

    public AdamConfig withEpsilon(double value) {
        return new AdamConfig(stepSize, beta1, beta2, value, weightDecay);
    }

    /** L2 weight decay λ added to the gradient (Adam, not AdamW): g ← g + λW. */
    public AdamConfig withWeightDecay(double value) {
        return new AdamConfig(stepSize, beta1, beta2, epsilon, value);
    }
}
