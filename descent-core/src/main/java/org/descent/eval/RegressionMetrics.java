package org.descent.eval;

import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * Mean squared error, mean absolute error and the coefficient of determination
 * R² = 1 − Σ(y − d)² / Σ(d − mean d)², over all output elements.
 */
public record RegressionMetrics(double meanSquaredError, double meanAbsoluteError, double r2, int samples) {

    public static RegressionMetrics of(Tensor predictions, Tensor targets) {
        if (predictions.size() != targets.size()) {
            throw new DescentException("regression metrics: predictions of shape " + predictions.shape()
                    + " and targets of shape " + targets.shape() + " differ");
        }
        int n = targets.size();
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += targets.get(i);
        }
        mean /= n;
        double squared = 0;
        double absolute = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double e = predictions.get(i) - targets.get(i);
            squared += e * e;
            absolute += Math.abs(e);
            double t = targets.get(i) - mean;
            total += t * t;
        }
        return new RegressionMetrics(squared / n, absolute / n, 1 - squared / total, targets.shape().dim(0));
    }

    @Override
    public String toString() {
        return String.format("MSE %.4f  MAE %.4f  R² %.4f  (%d samples)", meanSquaredError, meanAbsoluteError, r2, samples);
    }
}
