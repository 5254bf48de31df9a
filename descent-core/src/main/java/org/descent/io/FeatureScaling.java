package org.descent.io;

import org.descent.DescentException;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/** The arithmetic and validation shared by the {@link Normalization} records. */
final class FeatureScaling {

    private FeatureScaling() {
    }

    /**
     * {@code (x − shift) / scale} per column, with a zero scale treated as 1, computed in float64
     * and rounded to the input's dtype, the same arithmetic as {@code org.descent.data.Normalize},
     * so a prediction sees exactly the inputs training saw. No graph is recorded.
     */
    static Tensor affine(String name, Tensor x, double[] shift, double[] scale) {
        if (x.shape().rank() != 2 || x.shape().dim(1) != shift.length) {
            throw new ShapeException(name + " normalization of " + shift.length + " features cannot apply to input of shape "
                    + x.shape() + "; expected (N, " + shift.length + ")");
        }
        Tensor out = Tensor.zeros(x.dtype(), x.shape().dims());
        int d = shift.length;
        for (int i = 0; i < out.size(); i++) {
            double s = scale[i % d];
            out.set(i, (x.get(i) - shift[i % d]) / (s == 0 ? 1 : s));
        }
        return out;
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
