package org.descent.cli.dashboard;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.descent.io.AtomicFiles;
import org.descent.train.EpochResult;
import org.descent.train.History;
import org.descent.train.Trainer;
import org.descent.train.TrainingListener;

/**
 * {@code descent train --log metrics.csv}: the run's epochs as CSV ({@link History#toCsv()}: one
 * row per epoch with every figure of the epoch line), rewritten atomically after every epoch, so
 * a run stopped half-way leaves the epochs it finished and {@code descent dashboard} can follow a
 * run that is still going.
 */
public final class MetricsLog implements TrainingListener {
    private final Path path;
    private final List<EpochResult> epochs = new ArrayList<>();

    public MetricsLog(Path path) {
        this.path = path;
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult epoch) {
        epochs.add(epoch);
        write("running");
    }

    @Override
    public void onEnd(Trainer trainer, History history) {
        if (epochs.isEmpty()) {
            write(history.stopReason());
        }
    }

    private void write(String reason) {
        AtomicFiles.write(path, History.of(epochs, reason).toCsv().getBytes(StandardCharsets.UTF_8));
    }
}
