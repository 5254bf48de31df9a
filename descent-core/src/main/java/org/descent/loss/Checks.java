package org.descent.loss;

import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/** Argument checks shared by the losses, with messages naming the loss and both shapes. */
final class Checks {
    private Checks() {
    }

    /** Prediction and target are both (N, K) with N, K ≥ 1. */
    static void sameMatrixShape(String loss, Tensor prediction, Tensor target) {
        if (prediction.shape().rank() != 2 || !prediction.shape().equals(target.shape())) {
            throw new ShapeException(loss + ": prediction of shape " + prediction.shape() + " and target of shape "
                    + target.shape() + " must both be (N, K), one sample per row");
        }
        if (prediction.size() == 0) {
            throw new ShapeException(loss + ": empty batch of shape " + prediction.shape());
        }
    }

    /** Prediction and target have the same dtype (a fused loss reads both and answers in that dtype). */
    static void sameDType(String loss, Tensor prediction, Tensor target) {
        if (prediction.dtype() != target.dtype()) {
            throw new ShapeException(loss + ": prediction is " + prediction.dtype() + " but target is "
                    + target.dtype() + "; convert one with .to(DType)");
        }
    }

    /** Every element of {@code t} lies in [low, high]. */
    static void inRange(String loss, String what, Tensor t, double low, double high) {
        int columns = t.shape().dim(1);
        for (int i = 0; i < t.size(); i++) {
            double v = t.get(i);
            if (!(v >= low && v <= high)) {
                throw new DescentException(loss + ": " + what + " = " + v + " at sample " + i / columns + ", column "
                        + i % columns + " is outside [" + low + ", " + high + "]");
            }
        }
    }

    /** Each row of the (N, K) {@code target} is a probability distribution: entries in [0, 1], sum 1. */
    static void distributions(String loss, Tensor target) {
        inRange(loss, "target", target, 0.0, 1.0);
        int rows = target.shape().dim(0);
        int columns = target.shape().dim(1);
        double tolerance = target.dtype() == DType.FLOAT32 ? 1e-4 : 1e-9;
        for (int n = 0; n < rows; n++) {
            double sum = 0;
            for (int k = 0; k < columns; k++) {
                sum += target.get(n * columns + k);
            }
            if (Math.abs(sum - 1.0) > tolerance) {
                throw new DescentException(loss + ": target row " + n + " sums to " + sum
                        + ", not 1; targets must be one-hot or probability distributions");
            }
        }
    }

    /** (1/N) Σ_n Σ_k perElement[n, k]: the mean over the batch of the per-sample sums. */
    static Tensor batchMean(Tensor perElement) {
        return perElement.sum().mul(1.0 / perElement.shape().dim(0));
    }
}
