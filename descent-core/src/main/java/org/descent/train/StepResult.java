package org.descent.train;

import java.util.List;
import org.descent.nn.Parameter;
import org.descent.optim.GradientNorm;

/**
 * One optimizer step: where it is (step counted over the whole run from 1) and its figures.
 *
 * <p>The gradient norm ‖∇Loss‖ is computed from the parameters' gradients when
 * {@link #gradientNorm()} is first called, so a run whose listeners do not ask for it does not
 * pay a pass over all gradients per step. Ask during {@link TrainingListener#onStep}: the
 * gradients are this step's until the next step clears them.
 */
public final class StepResult {
    private final long step;
    private final int epoch;
    private final int batch;
    private final int batchesPerEpoch;
    private final double loss;
    private final double learningRate;
    private final List<Parameter> parameters;
    private double gradientNorm;
    private boolean gradientNormKnown;
    /** Set by the {@link Trainer}'s batch loop; NaN for regression and from other training passes. */
    double batchAccuracy = Double.NaN;

    /**
     * A step whose gradient norm is already known (measured before gradient clipping changed the
     * gradients): {@link #gradientNorm()} returns {@code gradientNorm}.
     */
    public StepResult(long step, int epoch, int batch, int batchesPerEpoch, double loss, double learningRate,
                      List<Parameter> parameters, double gradientNorm) {
        this(step, epoch, batch, batchesPerEpoch, loss, learningRate, parameters);
        this.gradientNorm = gradientNorm;
        this.gradientNormKnown = true;
    }

    /** @param parameters the model's parameters, holding this step's gradients */
    public StepResult(long step, int epoch, int batch, int batchesPerEpoch, double loss, double learningRate,
                      List<Parameter> parameters) {
        this.step = step;
        this.epoch = epoch;
        this.batch = batch;
        this.batchesPerEpoch = batchesPerEpoch;
        this.loss = loss;
        this.learningRate = learningRate;
        this.parameters = parameters;
    }

    /** The step, counted over the whole run from 1. */
    public long step() {
        return step;
    }

    public int epoch() {
        return epoch;
    }

    /** The batch within the epoch, from 1. */
    public int batch() {
        return batch;
    }

    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** The loss on this step's batch, before the update. */
    public double loss() {
        return loss;
    }

    /** η_k used by this step. */
    public double learningRate() {
        return learningRate;
    }

    /**
     * ‖∇Loss‖ over all parameters on this step's batch ({@link GradientNorm#of}), before any
     * gradient clipping; computed once, on first call.
     */
    public double gradientNorm() {
        if (!gradientNormKnown) {
            gradientNorm = GradientNorm.of(parameters);
            gradientNormKnown = true;
        }
        return gradientNorm;
    }

    /**
     * The accuracy of this step's batch before the update, in training mode (dropout on): the
     * fraction of its samples the network's outputs classified right; NaN for regression, and
     * for steps of another training pass (Spark's averaging rounds).
     */
    public double batchAccuracy() {
        return batchAccuracy;
    }

    @Override
    public String toString() {
        return "StepResult[step=" + step + ", epoch=" + epoch + ", batch=" + batch + "/" + batchesPerEpoch
                + ", loss=" + loss + ", learningRate=" + learningRate + "]";
    }
}
