package org.descent.io;

import org.descent.tensor.Tensor;

/**
 * The preprocessing a network was trained with, stored with it so that predictions apply the same:
 * an affine map per feature, {@code x'_j = (x_j − shift_j) / scale_j}, where a feature with a scale
 * of 0 (constant in the training data) is only shifted.
 */
public sealed interface Normalization permits Standardize, MinMax {

    /** The number of features F this normalization expects. */
    int featureCount();

    /**
     * The normalized features.
     *
     * <p>Shape: input (N, F), output (N, F), same dtype.
     */
    Tensor apply(Tensor features);
}
