package org.descent.train;

import org.descent.optim.DivergenceGuard;

/** Stops training with a clear error as soon as a step's loss is NaN or infinite. */
public final class DivergenceCheck implements TrainingListener {
    @Override
    public void onStep(Trainer trainer, StepResult step) {
        DivergenceGuard.requireFinite(step.loss(), step.step(), step.epoch(), step.learningRate());
    }
}
