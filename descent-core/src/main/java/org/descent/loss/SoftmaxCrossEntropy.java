package org.descent.loss;

import java.util.List;
import org.descent.autograd.Backprop;
import org.descent.autograd.NoGrad;
import org.descent.tensor.Tensor;

/**
 * Softmax and cross-entropy as one graph node, from the logits z (N, K) and a constant target d:
 * {@code L = −(1/N) Σ_n Σ_k d_nk (z_nk − lse_n)} with {@code lse_n = m_n + log Σ_k exp(z_nk − m_n)},
 * m_n the row maximum (0 if it is not finite, as in {@link Tensor#logSumExp}). One pass per row
 * computes the loss and keeps softmax(z); the backward pass then gives, in one more pass,
 *
 * <pre>
 *   dL/dz_nk = g · (softmax(z)_nk · Σ_j d_nj − d_nk) / N      (= g · (y − d)/N for distributions d)
 * </pre>
 *
 * When the backward pass records a graph (second derivatives) the rule differentiates the
 * unfused tensor formula instead, so higher derivatives stay exact.
 */
final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /** The loss, recorded as one node with input z; {@code target} must not require gradients. */
    static Tensor apply(Tensor z, Tensor target) {
        int rows = z.shape().dim(0);
        int cols = z.shape().dim(1);
        Tensor softmax = Tensor.zeros(z.dtype(), rows, cols);
        double[] targetSums = new double[rows];
        double total = 0;
        for (int n = 0; n < rows; n++) {
            int row = n * cols;
            double m = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < cols; k++) {
                double v = z.get(row + k);
                m = v > m || Double.isNaN(v) ? v : m;
            }
            m = Double.isFinite(m) ? m : 0.0;
            double sum = 0;
            for (int k = 0; k < cols; k++) {
                sum += Math.exp(z.get(row + k) - m);
            }
            double lse = m + Math.log(sum);
            double targetSum = 0;
            for (int k = 0; k < cols; k++) {
                double d = target.get(row + k);
                double logSoftmax = z.get(row + k) - lse;
                total += d * logSoftmax;
                targetSum += d;
                softmax.set(row + k, Math.exp(z.get(row + k) - m) / sum);
            }
            targetSums[n] = targetSum;
        }
        Tensor loss = Tensor.scalar(-total / rows, z.dtype());
        return loss.recordedFrom("cross_entropy", g -> backward(z, target, softmax, targetSums, g), z);
    }

    private static Tensor[] backward(Tensor z, Tensor target, Tensor softmax, double[] targetSums, Tensor g) {
        if (!NoGrad.active()) {
            return Backprop.gradients(unfused(z, target), g, List.of(z), true);
        }
        int rows = z.shape().dim(0);
        int cols = z.shape().dim(1);
        double scale = g.item() / rows;
        Tensor dZ = Tensor.zeros(z.dtype(), rows, cols);
        for (int i = 0; i < dZ.size(); i++) {
            dZ.set(i, scale * (softmax.get(i) * targetSums[i / cols] - target.get(i)));
        }
        return new Tensor[] {dZ};
    }

    /** {@code −(1/N) Σ d ⊙ logSoftmax(z)} from tensor operations. */
    static Tensor unfused(Tensor z, Tensor target) {
        return Checks.batchMean(target.mul(z.logSoftmax(1))).neg();
    }
}
