package org.descent.io;

import org.descent.DescentException;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/** The arithmetic and validation shared by the {@link Normalization} records. */
final class FeatureScaling {

    private FeatureScaling() {
    }

    /** {@code (x − shift) / scale} per column, with a zero scale treated as 1. */
    static Tensor affine(String name, Tensor x, double[] shift, double[] scale) {
        if (x.shape().rank() != 2 || x.shape().dim(1) != shift.length) {
            throw new ShapeException(name + " normalization of " + shift.length + " features cannot apply to input of shape "
                    + x.shape() + "; expected (N, " + shift.length + ")");
        }
        Tensor shiftRow = Tensor.zeros(x.dtype(), shift.length);
        Tensor scaleRow = Tensor.zeros(x.dtype(), shift.length);
        for (int j = 0; j < shift.length; j++) {
            shiftRow.set(j, shift[j]);
            scaleRow.set(j, scale[j] == 0 ? 1 : scale[j]);
        }
        return x.sub(shiftRow).div(scaleRow);
    }

    /** Checks that both arrays have one finite value per feature. */
    static void validate(String name, String first, double[] a, String second, double[] b) {
        if (a == null || b == null || a.length != b.length || a.length == 0) {
            throw new DescentException(name + " normalization needs " + first + " and " + second
                    + " arrays of the same, non-zero length, got " + (a == null ? "null" : a.length) + " and "
                    + (b == null ? "null" : b.length) + " values");
        }
        for (int j = 0; j < a.length; j++) {
            if (!Double.isFinite(a[j]) || !Double.isFinite(b[j])) {
                throw new DescentException(name + " normalization of feature " + j + " has " + first + " "
                        + a[j] + " and " + second + " " + b[j] + "; expected finite values");
            }
        }
    }
}
