package org.descent.loss;

import org.descent.tensor.DType;
import org.descent.tensor.FusedRule;
import org.descent.tensor.GradMode;
import org.descent.tensor.GradientStorage;
import org.descent.internal.kernel.Kernels;
import org.descent.tensor.Tensor;
import org.descent.tensor.Workspace;

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
 * Its {@link FusedRule#reference() reference} is the unfused tensor formula, differentiated
 * instead for second derivatives.
 *
 * <p>In float32 (z and d) the shifted logits {@code z − m} are computed in float, exponentiated
 * once each by {@link Kernels#exp} over the whole N×K block, and summed per row in order in
 * double; the loss is accumulated in double. The softmax kept for the backward pass lives in a
 * per-thread {@link Workspace}, reused from step to step (a loss that records no graph gives it
 * back at once); the softmax never leaves the node, so no caller can hold on to it. The gradient
 * goes into the storage that z's layer lends for it, if it does (a fused Linear layer does; see
 * {@link GradientStorage}), else into new storage. Other dtypes take the float64 loop.
 */
final class SoftmaxCrossEntropy {
    private static final ThreadLocal<Workspace> SOFTMAX = ThreadLocal.withInitial(() -> new Workspace(1,
            "cross_entropy: backward through a graph whose softmax storage a later loss on this thread has reused;"
                    + " call backward() before computing the next loss, or compute it again"));

    private SoftmaxCrossEntropy() {
    }

    /** The loss, recorded as one node with input z; {@code target} must not require gradients. */
    static Tensor apply(Tensor z, Tensor target) {
        if (z.dtype() == DType.FLOAT32 && target.dtype() == DType.FLOAT32) {
            return applyFloat(z, target);
        }
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
            double logSum = Math.log(sum);
            double targetSum = 0;
            for (int k = 0; k < cols; k++) {
                double d = target.get(row + k);
                double logSoftmax = (z.get(row + k) - m) - logSum;   // shifted first: exact at any |z|
                total += d * logSoftmax;
                targetSum += d;
                softmax.set(row + k, Math.exp(z.get(row + k) - m) / sum);
            }
            targetSums[n] = targetSum;
        }
        Tensor loss = Tensor.scalar(-total / rows, z.dtype());
        return loss.recordedFrom("cross_entropy", FusedRule.of(() -> unfused(z, target),
                (g, storage) -> backward(z, target, softmax, targetSums, g, storage)), z);
    }

    private static Tensor[] backward(Tensor z, Tensor target, Tensor softmax, double[] targetSums, Tensor g,
            GradientStorage storage) {
        int rows = z.shape().dim(0);
        int cols = z.shape().dim(1);
        double scale = g.item() / rows;
        Tensor dZ = storage.of(0);
        for (int i = 0; i < dZ.size(); i++) {
            dZ.set(i, scale * (softmax.get(i) * targetSums[i / cols] - target.get(i)));
        }
        return new Tensor[] {dZ};
    }

    private static Tensor applyFloat(Tensor z, Tensor target) {
        int rows = z.shape().dim(0);
        int cols = z.shape().dim(1);
        float[] zf = z.floatData();
        float[] d = target.floatData();
        // Only a loss that records a graph keeps the softmax (until its backward pass); otherwise
        // the storage is given back at once.
        boolean records = GradMode.enabled() && z.requiresGrad();
        Workspace.Lease lease = SOFTMAX.get().take();
        float[] y = lease.floats(0, rows * cols);
        for (int row = 0; row < y.length; row += cols) {
            float m = rowMaximum(zf, row, cols);
            for (int k = row; k < row + cols; k++) {
                y[k] = zf[k] - m;
            }
        }
        Kernels.active().exp(y, y, y.length);
        double total = 0;
        for (int row = 0; row < y.length; row += cols) {
            double sum = 0;
            for (int k = row; k < row + cols; k++) {
                sum += y[k];
            }
            double m = rowMaximum(zf, row, cols);
            double logSum = Math.log(sum);
            for (int k = row; k < row + cols; k++) {
                total += d[k] * ((zf[k] - m) - logSum);
            }
            if (records) {
                for (int k = row; k < row + cols; k++) {
                    y[k] = (float) (y[k] / sum);
                }
            }
        }
        Tensor loss = Tensor.scalar(-total / rows, DType.FLOAT32);
        if (!records) {
            lease.release();
            return loss;
        }
        return loss.recordedFrom("cross_entropy", FusedRule.of(() -> unfused(z, target),
                (g, storage) -> backwardFloat(z, target, y, g, storage), lease), z);
    }

    /** The row maximum m_n (NaN if the row holds one), or 0 if it is not finite. */
    private static float rowMaximum(float[] z, int row, int cols) {
        float m = Float.NEGATIVE_INFINITY;
        for (int k = row; k < row + cols; k++) {
            m = z[k] > m || Float.isNaN(z[k]) ? z[k] : m;
        }
        return Float.isFinite(m) ? m : 0f;
    }

    private static Tensor[] backwardFloat(Tensor z, Tensor target, float[] softmax, Tensor g, GradientStorage storage) {
        int rows = z.shape().dim(0);
        int cols = z.shape().dim(1);
        double scale = g.item() / rows;
        float[] d = target.floatData();
        Tensor gradient = storage.of(0);
        float[] dz = gradient.floatData();
        for (int row = 0; row < dz.length; row += cols) {
            double targetSum = 0;
            for (int k = row; k < row + cols; k++) {
                targetSum += d[k];
            }
            for (int k = row; k < row + cols; k++) {
                dz[k] = (float) (scale * (softmax[k] * targetSum - d[k]));
            }
        }
        return new Tensor[] {gradient};
    }

    /** {@code −(1/N) Σ d ⊙ logSoftmax(z)} from tensor operations. */
    static Tensor unfused(Tensor z, Tensor target) {
        return Checks.batchMean(target.mul(z.logSoftmax(1))).neg();
    }
}
