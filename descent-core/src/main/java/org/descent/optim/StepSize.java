package org.descent.optim;

/**
 * The step size η<sub>k</sub> of gradient descent as a function of the step k, which counts the
 * optimizer steps already taken (k = 0 for the first step):
 * {@code W ← W − η_k ∇Loss(W)ᵀ}. Schedules are validated when they are made.
 */
@FunctionalInterface
public interface StepSize {
    /** η<sub>k</sub>, the step size of step {@code step} (0 for the first). */
    double at(int step);

    /** η<sub>k</sub> = η. */
    static StepSize constant(double learningRate) {
        return new ConstantStepSize(learningRate);
    }

    /** η<sub>k</sub> = η · γ<sup>⌊k / every⌋</sup>: multiplied by γ every {@code every} steps (PyTorch's StepLR). */
    static StepSize stepDecay(double learningRate, double gamma, int every) {
        return new StepDecay(learningRate, gamma, every);
    }

    /** η<sub>k</sub> = η / (1 + decay · k): the 1/k schedule. */
    static StepSize inverseTime(double learningRate, double decay) {
        return new InverseTimeDecay(learningRate, decay);
    }

    /** η<sub>k</sub> = η · γ<sup>k</sup> (PyTorch's ExponentialLR). */
    static StepSize exponential(double learningRate, double gamma) {
        return new ExponentialDecay(learningRate, gamma);
    }
}
