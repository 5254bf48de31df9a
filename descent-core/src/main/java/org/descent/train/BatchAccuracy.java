package org.descent.train;

import org.descent.tensor.Tensor;

/**
 * The accuracy of one training batch from the outputs of its forward pass, for
 * {@link StepResult#batchAccuracy()}: a loop over the rows, allocating nothing (the training loop
 * allocates nothing per step). The predicted class is the arg-max of a row of logits (z ≥ 0 for
 * one binary output, as {@link Task#predictions}), the true one the arg-max of the one-hot target
 * row (a binary target ≥ ½).
 */
final class BatchAccuracy {
    private BatchAccuracy() {
    }

    /** The fraction of rows classified right, NaN for {@link Task#REGRESSION}. */
    static double of(Task task, Tensor outputs, Tensor targets) {
        int n = outputs.shape().dim(0);
        return !task.isClassification() || n == 0 ? Double.NaN : (double) correct(outputs, targets) / n;
    }

    /** The number of rows of a classification's {@code outputs} classified right. */
    static int correct(Tensor outputs, Tensor targets) {
        int n = outputs.shape().dim(0);
        int k = outputs.shape().dim(1);
        int correct = 0;
        for (int i = 0; i < n; i++) {
            boolean right = k == 1 ? (outputs.get(i) >= 0) == (targets.get(i) >= 0.5)
                    : argMax(outputs, i, k) == argMax(targets, i, k);
            correct += right ? 1 : 0;
        }
        return correct;
    }

    private static int argMax(Tensor rows, int row, int k) {
        int best = 0;
        double max = rows.get(row * k);
        for (int c = 1; c < k; c++) {
            double v = rows.get(row * k + c);
            if (v > max) {
                max = v;
                best = c;
            }
        }
        return best;
    }
}
