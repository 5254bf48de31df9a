package org.descent.train;

/**
 * The training half of an epoch, which {@link Trainer#fit(EpochPass, org.descent.data.Dataset, int)}
 * runs between the listeners' {@code onStart} and each epoch's validation pass, history entry and
 * {@code onEpochEnd}. {@code Trainer}'s own pass is its loop over the mini-batches of a
 * {@link org.descent.data.Dataset}; another (descent-spark's model averaging) trains elsewhere and
 * reports its steps with {@link Trainer#reportStep}, so the epoch bookkeeping stays in one place.
 */
public interface EpochPass {
    /** The training samples of an epoch (for the mean loss and the samples per second). */
    int samples();

    /** The steps of an epoch, as the listeners are told in {@code onStart}. */
    int stepsPerEpoch();

    /**
     * Trains epoch {@code epoch}, whose first step is {@code stepsBefore + 1}, reporting each step
     * to {@code trainer}; returns the epoch's figures.
     */
    Result train(Trainer trainer, int epoch, long stepsBefore);

    /**
     * @param lossSum      Σ over the epoch's steps of the step's mean loss times its samples
     * @param gradientNorm ‖∇‖ at the epoch's last step (NaN if unknown)
     * @param learningRate η of the epoch's last step
     */
    record Result(double lossSum, double gradientNorm, double learningRate) {
    }
}
