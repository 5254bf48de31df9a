package org.descent.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.descent.train.EpochResult;
import org.descent.train.History;
import org.descent.train.StepResult;
import org.descent.train.Trainer;
import org.descent.train.TrainingListener;

/**
 * Shows a run: on a terminal a progress bar per epoch with ETA and the epoch's mean loss so far
 * (weighted by batch size, as the epoch line's), then one line per epoch; when not a terminal
 * only the epoch lines; nothing when quiet. At the end of an epoch the bar's last figure and the
 * epoch line's loss are the same number: the mean training loss over the epoch's batches.
 */
final class ConsoleProgress implements TrainingListener {
    private final PrintStream out;
    private final boolean bar;
    private final boolean quiet;
    private int epochs;
    private int batchesPerEpoch;
    private ProgressBar progressBar;
    private final int trainSize;
    private final int batchSize;
    private double lossSum;
    private int samplesSeen;

    /** @param batchSize samples per step, 0 for the full batch */
    ConsoleProgress(PrintStream out, boolean terminal, boolean quiet, int trainSize, int batchSize) {
        this.out = out;
        this.trainSize = trainSize;
        this.batchSize = batchSize == 0 ? trainSize : batchSize;
        this.bar = terminal && !quiet;
        this.quiet = quiet;
    }

    @Override
    public void onStart(Trainer trainer, int epochs, int batchesPerEpoch) {
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    @Override
    public void onStep(Trainer trainer, StepResult step) {
        if (!bar) {
            return;
        }
        if (progressBar == null) {
            progressBar = new ProgressBarBuilder().setTaskName("epoch " + step.epoch() + "/" + epochs)
                    .setInitialMax(batchesPerEpoch).setStyle(ProgressBarStyle.ASCII).setConsumer(new BarLine(System.err))
                    .setUpdateIntervalMillis(200)
                    .continuousUpdate().build();
        }
        int size = Math.min(batchSize, trainSize - (step.batch() - 1) * batchSize);
        lossSum += step.loss() * size;
        samplesSeen += size;
        progressBar.step();
        progressBar.setExtraMessage(String.format(Locale.ROOT, " mean loss so far %.4f", lossSum / samplesSeen));
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult e) {
        if (progressBar != null) {
            progressBar.close();
            progressBar = null;
        }
        lossSum = 0;
        samplesSeen = 0;
        if (quiet) {
            return;
        }
        String validation = Double.isNaN(e.validationAccuracy())
                ? String.format(Locale.ROOT, "val_loss %.4f", e.validationLoss())
                : String.format(Locale.ROOT, "val_acc %.4f", e.validationAccuracy());
        out.printf(Locale.ROOT, "epoch %3d/%d  loss %.4f  %s  ‖∇‖ %.4f  η %.3g  %.1fs  %,.0f samples/s%n", e.epoch(), epochs,
                e.trainLoss(), validation, e.gradientNorm(), e.learningRate(), e.seconds(), e.samplesPerSecond());
    }

    @Override
    public void onEnd(Trainer trainer, History history) {
        if (progressBar != null) {
            progressBar.close();
        }
        if (!history.stopReason().equals("completed all epochs")) {
            out.println("stopped: " + history.stopReason());
        }
    }
}
