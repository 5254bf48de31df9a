package org.descent.train;

import org.descent.DescentException;
import org.descent.optim.ReduceOnPlateau;

/**
 * Feeds each epoch's validation loss (the training loss when there is no validation set) to a
 * {@link ReduceOnPlateau} schedule. Add it before a {@link CheckpointListener}, so that the
 * checkpoint of an epoch holds the schedule's state after that epoch.
 */
public final class PlateauListener implements TrainingListener {
    private final ReduceOnPlateau schedule;

    public PlateauListener(ReduceOnPlateau schedule) {
        if (schedule == null) {
            throw new DescentException("PlateauListener needs a reduce-on-plateau schedule, got null");
        }
        this.schedule = schedule;
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult epoch) {
        double metric = Double.isNaN(epoch.validationLoss()) ? epoch.trainLoss() : epoch.validationLoss();
        schedule.observe(metric, trainer.optimizer().stepCount());
    }
}
