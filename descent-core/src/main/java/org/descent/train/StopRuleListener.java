package org.descent.train;

import org.descent.optim.Progress;
import org.descent.optim.StopRule;

/**
 * Applies a {@link StopRule} once per epoch to the training loss and gradient norm: with full
 * batches this is the lecture's {@code |Loss_k − Loss_{k−1}| < ε₁} or {@code ‖∇Loss‖ < ε₂}.
 */
public final class StopRuleListener implements TrainingListener {
    private final StopRule rule;
    private double previousLoss = Double.NaN;

    public StopRuleListener(StopRule rule) {
        this.rule = rule;
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult epoch) {
        Progress progress = new Progress(epoch.epoch(), epoch.trainLoss(), previousLoss, epoch.gradientNorm());
        previousLoss = epoch.trainLoss();
        rule.check(progress).ifPresent(reason -> trainer.stop(reason.message()));
    }
}
