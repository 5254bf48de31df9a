package org.descent.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.descent.DescentException;
import org.descent.io.AtomicFiles;
import org.descent.train.EpochResult;
import org.descent.train.History;
import org.descent.train.Trainer;
import org.descent.train.TrainingListener;

/**
 * {@code --log}: the epochs' figures as CSV ({@link History#toCsv()}: epoch, train_loss,
 * validation_loss, validation_accuracy, gradient_norm, learning_rate, seconds,
 * samples_per_second), rewritten atomically after every epoch. A resumed run keeps the rows of
 * the epochs it resumes after.
 */
final class MetricsLog implements TrainingListener {
    private final Path path;
    private final List<String> keptRows = new ArrayList<>();
    private final List<EpochResult> epochs = new ArrayList<>();

    /** @param epochsDone the epochs a resumed run continues after; their rows in an existing file are kept */
    MetricsLog(Path path, int epochsDone) {
        this.path = path;
        if (epochsDone > 0 && Files.exists(path)) {
            try {
                for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                    int comma = line.indexOf(',');
                    String first = comma < 0 ? "" : line.substring(0, comma);
                    if (first.matches("\\d+") && Integer.parseInt(first) <= epochsDone) {
                        keptRows.add(line);
                    }
                }
            } catch (IOException e) {
                throw new DescentException("cannot read the metrics log " + path + " to continue it: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult epoch) {
        epochs.add(epoch);
        String csv = History.of(epochs, "").toCsv();
        int header = csv.indexOf('\n') + 1;
        StringBuilder text = new StringBuilder(csv.substring(0, header));
        keptRows.forEach(row -> text.append(row).append('\n'));
        text.append(csv.substring(header));
        AtomicFiles.write(path, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
