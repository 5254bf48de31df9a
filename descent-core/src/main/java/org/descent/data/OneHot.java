package org.descent.data;

import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * One-hot targets: label c of K classes becomes the row e_c, so {@code t[i, j] = 1} if
 * {@code labels[i] = j} and 0 otherwise.
 *
 * <p>Shape: labels [N] → float32 targets [N, K].
 */
public final class OneHot {
    /** Labels above this are taken for a mistake (a real-valued column read as classes, a corrupt file). */
    static final int MAX_LABEL = 65_535;

    private OneHot() {
    }

    public static Tensor encode(int[] labels, int classes) {
        if (classes < 1) {
            throw new DescentException("one-hot encoding needs at least one class, got " + classes);
        }
        if ((long) labels.length * classes > Integer.MAX_VALUE) {
            throw new DescentException("one-hot encoding: " + labels.length + " samples × " + classes + " classes = "
                    + (long) labels.length * classes + " values, more than one array holds (" + Integer.MAX_VALUE
                    + "); are the labels class numbers 0..K−1?");
        }
        float[] out = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new DescentException("one-hot encoding: row " + i + " has label " + labels[i]
                        + ", outside 0.." + (classes - 1) + " for K = " + classes + " classes");
            }
            out[i * classes + labels[i]] = 1f;
        }
        return Tensor.of(out, labels.length, classes);
    }
}
