package org.descent.train;

/**
 * One epoch's figures. Validation figures are NaN when there is no validation set;
 * {@code validationAccuracy} is NaN for regression.
 *
 * @param trainLoss mean training loss over the epoch's batches, weighted by batch size
 * @param gradientNorm ‖∇Loss‖ at the epoch's last step, before gradient clipping
 * @param learningRate η_k used at the epoch's last step
 * @param samplesPerSecond training samples processed per second of wall time
 */
public record EpochResult(int epoch, double trainLoss, double validationLoss, double validationAccuracy,
                          double gradientNorm, double learningRate, double seconds, double samplesPerSecond) {
}
