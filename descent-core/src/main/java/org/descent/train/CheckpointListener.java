package org.descent.train;

import java.nio.file.Path;

/** Saves a {@link Checkpoint} after every epoch, replacing the previous one atomically. */
public final class CheckpointListener implements TrainingListener {
    private final Path path;
    private final RunSettings run;

    public CheckpointListener(Path path) {
        this(path, RunSettings.none());
    }

    /** Records {@code run}'s settings in every checkpoint, so that a resume with other settings is refused. */
    public CheckpointListener(Path path, RunSettings run) {
        this.path = path;
        this.run = run;
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult epoch) {
        Checkpoint.save(path, trainer.model(), trainer.optimizer(), epoch.epoch(), run);
    }
}
