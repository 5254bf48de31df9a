package org.descent.optim;

import org.descent.DescentException;

/**
 * Where an iterative minimization or a training run stands after {@code step} steps (iterations
 * or epochs, as the caller counts them), for {@link StopRule}s: the loss now, the loss one step
 * earlier and the gradient norm ‖∇Loss‖. A value that is not known is NaN (the previous loss at
 * the first step, the gradient norm when it is not measured); rules that need it do not fire.
 */
public record Progress(int step, double loss, double previousLoss, double gradientNorm) {
    public Progress {
        if (step < 0) {
            throw new DescentException("step must be non-negative, got " + step);
        }
    }

    /** The starting point, step 0, with no previous loss. */
    public static Progress start(double loss, double gradientNorm) {
        return new Progress(0, loss, Double.NaN, gradientNorm);
    }

    /** The next step: its loss and gradient norm, with this step's loss as the previous one. */
    public Progress next(double nextLoss, double nextGradientNorm) {
        return new Progress(step + 1, nextLoss, loss, nextGradientNorm);
    }

    /** |Loss<sub>k</sub> − Loss<sub>k−1</sub>|, NaN at the first step. */
    public double lossChange() {
        return Math.abs(loss - previousLoss);
    }
}
