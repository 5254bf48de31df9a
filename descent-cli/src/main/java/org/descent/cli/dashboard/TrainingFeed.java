package org.descent.cli.dashboard;

import org.descent.train.EpochResult;
import org.descent.train.History;
import org.descent.train.StepResult;
import org.descent.train.Trainer;
import org.descent.train.TrainingListener;

/**
 * Turns a run into dashboard events: {@code start}, then {@code step} and {@code epoch}, then
 * {@code end}. A step event is sent for every {@code stride}-th batch of an epoch and its last,
 * with at most {@value #POINTS_PER_EPOCH} per epoch, so Fashion-MNIST's 844 batches make 94 points
 * an epoch; its loss is the mean batch loss since the point before (the batch's own loss when
 * every step is sent), its η and ‖∇Loss‖ those of the step itself (computed only for the steps
 * sent).
 */
final class TrainingFeed implements TrainingListener {
    static final int POINTS_PER_EPOCH = 100;

    private final EventLog log;
    private final String title;
    private int stride = 1;
    private double lossSum;
    private double accuracySum;
    private int lossCount;
    private int epochs;

    /** @param title what the page shows as the run's name (data set, architecture, loss) */
    TrainingFeed(EventLog log, String title) {
        this.log = log;
        this.title = title;
    }

    /** Every how many batches a step event is sent, for {@code batchesPerEpoch} batches an epoch. */
    static int stride(int batchesPerEpoch) {
        return Math.max(1, (batchesPerEpoch + POINTS_PER_EPOCH - 1) / POINTS_PER_EPOCH);
    }

    @Override
    public void onStart(Trainer trainer, int epochs, int batchesPerEpoch) {
        this.epochs = epochs;
        stride = stride(batchesPerEpoch);
        log.append("start", Json.write(Json.object("title", title, "epochs", epochs, "batchesPerEpoch",
                batchesPerEpoch, "stride", stride)));
    }

    @Override
    public void onStep(Trainer trainer, StepResult step) {
        lossSum += step.loss();
        accuracySum += step.batchAccuracy();
        lossCount++;
        if (step.batch() % stride != 0 && step.batch() != step.batchesPerEpoch()) {
            return;
        }
        log.append("step", stepJson(step, lossSum / lossCount, accuracySum / lossCount));
        lossSum = 0;
        accuracySum = 0;
        lossCount = 0;
    }

    /**
     * The JSON of a step event; {@code loss} and {@code accuracy} (of the training batches, null
     * for regression) are the means since the previous event.
     */
    static String stepJson(StepResult step, double loss, double accuracy) {
        return Json.write(Json.object("step", step.step(), "epoch", step.epoch(), "batch", step.batch(),
                "batchesPerEpoch", step.batchesPerEpoch(), "loss", Json.number(loss), "accuracy", Json.number(accuracy),
                "learningRate",
                Json.number(step.learningRate()), "gradientNorm", Json.number(step.gradientNorm())));
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult e) {
        log.append("epoch", Json.write(Json.object("epoch", e.epoch(), "epochs", epochs, "trainLoss",
                Json.number(e.trainLoss()), "validationLoss", Json.number(e.validationLoss()), "validationAccuracy",
                Json.number(e.validationAccuracy()), "gradientNorm", Json.number(e.gradientNorm()), "learningRate",
                Json.number(e.learningRate()), "seconds", Json.number(e.seconds()), "samplesPerSecond",
                Json.number(e.samplesPerSecond()))));
    }

    @Override
    public void onEnd(Trainer trainer, History history) {
        log.append("end", Json.write(Json.object("stopReason", history.stopReason(), "epochsDone",
                history.epochs().size())));
    }
}
