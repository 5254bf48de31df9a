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
 * Shows a run: on a terminal a progress bar per epoch with ETA and the running loss, then one
 * line per epoch; when not a terminal only the epoch lines; nothing when quiet.
 */
final class ConsoleProgress implements TrainingListener {
    private final PrintStream out;
    private final boolean bar;
    private final boolean quiet;
    private int epochs;
    private int batchesPerEpoch;
    private ProgressBar progressBar;
    private double runningLoss = Double.NaN;

    ConsoleProgress(PrintStream out, boolean terminal, boolean quiet) {
        this.out = out;
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
                    .setInitialMax(batchesPerEpoch).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                    .continuousUpdate().build();
        }
        runningLoss = Double.isNaN(runningLoss) ? step.loss() : 0.95 * runningLoss + 0.05 * step.loss();
        progressBar.step();
        progressBar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f", runningLoss));
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult e) {
        if (progressBar != null) {
            progressBar.close();
            progressBar = null;
        }
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
