package org.descent.data;

import org.descent.tensor.Tensor;

/**
 * One mini-batch: features [B, d], targets [B, k], and the dataset rows they came from.
 * Treat the tensors as read-only.
 */
public record Batch(Tensor features, Tensor targets, int[] indices) {
    /** Number of samples B. */
    public int size() {
        return indices.length;
    }
}
