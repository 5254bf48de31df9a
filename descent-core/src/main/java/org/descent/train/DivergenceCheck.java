package org.descent.train;

import java.util.Locale;
import org.descent.optim.DivergenceException;
import org.descent.optim.DivergenceGuard;

/**
 * Stops training with a clear error, whatever the optimizer, as soon as a step's loss is NaN or
 * infinite, or has grown by orders of magnitude: more than {@link #GROWTH} times the best step
 * loss so far and more than {@link #OVER_FIRST} times the first step's. Both conditions, so that a
 * run that has converged (best 10⁻⁶) does not stop on an ordinary mini-batch (10⁻²), while Adam
 * at a learning rate of 10⁶, whose loss climbs to 10¹³ and stays finite, stops within a few steps.
 * One check per run: the state is the run's best and first loss.
 */
public final class DivergenceCheck implements TrainingListener {
    /** How many times its best the loss may grow. */
    public static final double GROWTH = 1e4;
    /** How many times the first step's loss it must also exceed. */
    public static final double OVER_FIRST = 10;

    private double first = Double.NaN;
    private double best = Double.POSITIVE_INFINITY;
    private long bestStep;

    @Override
    public void onStep(Trainer trainer, StepResult step) {
        double loss = DivergenceGuard.requireFinite(step.loss(), step.step(), step.epoch(), step.learningRate());
        if (Double.isNaN(first) && loss > 0) {
            first = loss;
        }
        if (loss < best) {
            best = loss;
            bestStep = step.step();
        }
        if (loss > GROWTH * best && loss > OVER_FIRST * first) {
            throw new DivergenceException(String.format(Locale.ROOT, "loss grew to %.4g at step %d (epoch %d), more than"
                    + " %.0e times its best %.4g (step %d); the run diverged: try a smaller learning rate (currently %s)",
                    loss, step.step(), step.epoch(), GROWTH, best, bestStep, step.learningRate()),
                    step.step(), step.epoch(), loss);
        }
    }
}
