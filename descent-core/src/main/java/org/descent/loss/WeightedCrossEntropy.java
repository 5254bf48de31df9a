package org.descent.loss;

import java.util.Arrays;
import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * Cross-entropy with a weight w_k per class, as PyTorch's {@code cross_entropy(z, labels,
 * weight=w, label_smoothing=s)}: a weighted mean, normalized by the weights of the samples'
 * classes rather than by N,
 *
 * <pre>
 *   Loss = −Σ_n Σ_k w_k d'_nk log softmax(z_n)_k  /  Σ_n Σ_k w_k d_nk
 * </pre>
 *
 * with d the target and d' its smoothed form ({@link CrossEntropy#smoothed}; d' = d without
 * smoothing). For one-hot targets the denominator is Σ_n w_{y_n}, exactly PyTorch's; for soft
 * targets PyTorch divides by N instead (this class keeps the weighted mean, which is the same
 * when all weights are 1). Computed from tensor operations (log-softmax shifted by the row
 * maximum), not fused.
 *
 * <p>Shape: prediction z (N, K) logits, target d (N, K), loss []; K weights.
 *
 * @param weights the class weights, each ≥ 0 and finite, not all 0
 * @param base    the cross-entropy whose label smoothing applies
 */
public record WeightedCrossEntropy(double[] weights, CrossEntropy base) implements Loss {
    public WeightedCrossEntropy {
        if (weights == null || weights.length == 0) {
            throw new DescentException("cross_entropy: class weights must be given, one per class");
        }
        weights = weights.clone();
        boolean anyPositive = false;
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] >= 0) || Double.isInfinite(weights[k])) {
                throw new DescentException("cross_entropy: the weight of class " + k + " must be >= 0 and finite, got "
                        + weights[k]);
            }
            anyPositive |= weights[k] > 0;
        }
        if (!anyPositive) {
            throw new DescentException("cross_entropy: every class weight is 0; at least one must be positive");
        }
        if (base == null) {
            base = new CrossEntropy();
        }
    }

    /** Weighted cross-entropy without label smoothing. */
    public WeightedCrossEntropy(double... weights) {
        this(weights, new CrossEntropy());
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public Tensor compute(Tensor prediction, Tensor target) {
        Checks.sameMatrixShape(name(), prediction, target);
        Checks.distributions(name(), target);
        int classes = prediction.shape().dim(1);
        if (classes != weights.length) {
            throw new DescentException("cross_entropy: " + weights.length + " class weights for " + classes
                    + " classes; give one weight per class");
        }
        Tensor w = Tensor.zeros(prediction.dtype(), 1, classes);
        for (int k = 0; k < classes; k++) {
            w.set(k, weights[k]);
        }
        double total = 0;
        for (int i = 0; i < target.size(); i++) {
            total += weights[i % classes] * target.get(i);
        }
        if (!(total > 0)) {
            throw new DescentException("cross_entropy: the batch's samples all belong to classes of weight 0,"
                    + " so the weighted mean is undefined");
        }
        Tensor d = base.smoothed(target);
        return d.mul(w).mul(prediction.logSoftmax(1)).sum().mul(-1.0 / total);
    }

    @Override
    public String name() {
        return "cross_entropy";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeightedCrossEntropy o && Arrays.equals(weights, o.weights) && base.equals(o.base);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + base.hashCode();
    }

    @Override
    public String toString() {
        return "WeightedCrossEntropy[weights=" + Arrays.toString(weights) + ", base=" + base + "]";
    }
}
