package org.descent.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The epochs of a run, in order, and why it ended. */
public final class History {
    private final List<EpochResult> epochs = new ArrayList<>();
    private String stopReason = "completed all epochs";

    /** The history of a run whose epochs were trained elsewhere (by another trainer), in order. */
    public static History of(List<EpochResult> epochs, String stopReason) {
        History history = new History();
        epochs.forEach(history::add);
        history.stoppedBecause(stopReason);
        return history;
    }

    void add(EpochResult epoch) {
        epochs.add(epoch);
    }

    void stoppedBecause(String reason) {
        stopReason = reason;
    }

    public List<EpochResult> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    public EpochResult last() {
        return epochs.get(epochs.size() - 1);
    }

    public String stopReason() {
        return stopReason;
    }

    /** One header line and one line per epoch, comma-separated. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(
                "epoch,train_loss,validation_loss,validation_accuracy,gradient_norm,learning_rate,seconds,samples_per_second\n");
        for (EpochResult e : epochs) {
            sb.append(String.format(Locale.ROOT, "%d,%.8g,%.8g,%.6f,%.6g,%.6g,%.4f,%.1f%n", e.epoch(), e.trainLoss(),
                    e.validationLoss(), e.validationAccuracy(), e.gradientNorm(), e.learningRate(), e.seconds(),
                    e.samplesPerSecond()));
        }
        return sb.toString();
    }
}
