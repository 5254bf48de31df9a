package org.descent.optim;

import java.util.Map;
import org.descent.tensor.Tensor;

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

    /**
     * Cosine annealing, as PyTorch's CosineAnnealingLR:
     * η<sub>k</sub> = η<sub>min</sub> + (η − η<sub>min</sub>)(1 + cos(π k / T)) / 2, from η at k = 0 down
     * to η<sub>min</sub> at k = T (and back up after, with period 2T, as PyTorch's).
     */
    static StepSize cosine(double learningRate, double minimum, int steps) {
        return new CosineAnnealing(learningRate, minimum, steps);
    }

    /**
     * A linear warm-up of {@code steps} steps before {@code after}, as PyTorch's
     * {@code SequentialLR([LinearLR(start_factor=f, total_iters=W), after], milestones=[W])}:
     * η<sub>k</sub> = after(0) · (f + (1 − f) k / W) for k &lt; W, then after(k − W).
     */
    static StepSize warmup(int steps, double startFactor, StepSize after) {
        return new LinearWarmup(steps, startFactor, after);
    }

    /**
     * State beyond the step count, for checkpoints: empty for schedules that are functions of k
     * alone; {@link ReduceOnPlateau} keeps what it has observed.
     */
    default Map<String, Tensor> state() {
        return Map.of();
    }

    /** Puts back what {@link #state()} returned (absent entries: not started). */
    default void loadState(Map<String, Tensor> state) {
    }
}
