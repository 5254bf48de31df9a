package org.descent.train;

import org.descent.DescentException;

/**
 * How long and in what pieces to train.
 *
 * @param epochs passes over the training set, at least 1
 * @param batchSize samples per step; 0 means the full batch (plain gradient descent, as in the lecture)
 * @param seed fixes the shuffling of the batches
 */
public record TrainingConfig(int epochs, int batchSize, long seed) {
    public TrainingConfig {
        if (epochs < 1) {
            throw new DescentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 0) {
            throw new DescentException("batch size must be positive, or 0 for the full batch; got " + batchSize);
        }
    }
}
