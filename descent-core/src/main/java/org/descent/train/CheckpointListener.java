package org.descent.train;

import java.nio.file.Path;

/** Saves a {@link Checkpoint} after every epoch, replacing the previous one atomically. */
public final class CheckpointListener implements TrainingListener {
    private final Path path;

    public CheckpointListener(Path path) {
        this.path = path;
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult epoch) {
        Checkpoint.save(path, trainer.model(), trainer.optimizer(), epoch.epoch());
    }
}
