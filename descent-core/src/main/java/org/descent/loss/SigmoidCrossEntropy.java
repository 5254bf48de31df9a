package org.descent.loss;

import org.descent.tensor.FusedRule;
import org.descent.tensor.GradientStorage;
import org.descent.tensor.Tensor;

/**
 * Sigmoid and binary cross-entropy as one graph node, from the logits z (N, K) and a constant
 * target d:
 *
 * <pre>
 *   L = (1/N) Σ_n Σ_k [max(z_nk, 0) − z_nk d_nk + log1p(exp(−|z_nk|))],   dL/dz_nk = g · (σ(z_nk) − d_nk) / N
 * </pre>
 *
 * with σ(z) = 1/(1 + e) for z ≥ 0 and e/(1 + e) for z &lt; 0, e = exp(−|z|) ≤ 1, so neither the
 * loss nor σ overflows for any finite z, and σ is exactly 0 or 1 far out (the gradient is then
 * exactly −d or 1 − d, over N). One pass computes the loss, accumulated in double and rounded to
 * the dtype of z once; the backward pass computes the gradient in one more pass, in double
 * rounded per element (exact in float64), into the storage {@link GradientStorage} gives (what
 * z's layer lends, else new). σ is computed again there rather than kept, so nothing lives
 * between the passes. Its {@link FusedRule#reference() reference} is the unfused tensor
 * formula, differentiated instead for second derivatives.
 */
final class SigmoidCrossEntropy {
    private SigmoidCrossEntropy() {
    }

    /** The loss, recorded as one node with input z; {@code target} must not require gradients. */
    static Tensor apply(Tensor z, Tensor target) {
        double total = 0;
        for (int i = 0; i < z.size(); i++) {
            double v = z.get(i);
            total += Math.max(v, 0.0) - v * target.get(i) + Math.log1p(Math.exp(-Math.abs(v)));
        }
        int rows = z.shape().dim(0);
        Tensor loss = Tensor.scalar(total / rows, z.dtype());
        return loss.recordedFrom("binary_cross_entropy_with_logits",
                FusedRule.of(() -> unfused(z, target), (g, storage) -> backward(z, target, g, storage)), z);
    }

    private static Tensor[] backward(Tensor z, Tensor target, Tensor g, GradientStorage storage) {
        double scale = g.item() / z.shape().dim(0);
        Tensor dZ = storage.of(0);
        for (int i = 0; i < dZ.size(); i++) {
            dZ.set(i, scale * (sigmoid(z.get(i)) - target.get(i)));
        }
        return new Tensor[] {dZ};
    }

    /** σ(v) from e = exp(−|v|), on the side that cannot overflow. */
    private static double sigmoid(double v) {
        double e = Math.exp(-Math.abs(v));
        return v >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    /** {@code (1/N) Σ [softplus(z) − z d]} from tensor operations. */
    static Tensor unfused(Tensor z, Tensor target) {
        return Checks.batchMean(z.softplus().sub(z.mul(target)));
    }
}
