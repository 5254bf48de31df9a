package org.descent.loss;

import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * The Huber divergence for regression, quadratic near the target and linear beyond δ, with
 * e = y − d:
 *
 * <pre>
 *   h(e) = ½ e²              for |e| &lt; δ
 *   h(e) = δ (|e| − ½ δ)     otherwise          ∂h/∂e = clamp(e, −δ, δ)
 * </pre>
 *
 * summed over a sample's outputs and averaged over the batch: PyTorch's
 * {@code huber_loss(y, d, delta=δ, reduction="sum") / N}. Smooth L1 with β is h / β with δ = β
 * (the two are the same for δ = 1).
 *
 * <p>Shape: prediction y (N, K), target d (N, K) of the same dtype, loss [].
 *
 * @param delta where the loss turns from quadratic to linear, positive and finite (PyTorch's default 1)
 */
public record HuberLoss(double delta) implements Loss {
    public HuberLoss {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new DescentException("huber: delta must be positive and finite, got " + delta);
        }
    }

    /** δ = 1, PyTorch's default (then also smooth L1 with β = 1). */
    public HuberLoss() {
        this(1.0);
    }

    @Override
    public Tensor compute(Tensor prediction, Tensor target) {
        Checks.sameMatrixShape(name(), prediction, target);
        Checks.sameDType(name(), prediction, target);
        Tensor e = prediction.sub(target);
        Tensor inside = Tensor.zeros(e.dtype(), e.shape().dims());
        Tensor outside = Tensor.zeros(e.dtype(), e.shape().dims());
        for (int i = 0; i < e.size(); i++) {
            boolean quadratic = Math.abs(e.get(i)) < delta;
            inside.set(i, quadratic ? 1 : 0);
            outside.set(i, quadratic ? 0 : 1);
        }
        Tensor quadratic = e.square().mul(0.5).mul(inside);
        Tensor linear = e.abs().add(-0.5 * delta).mul(delta).mul(outside);
        return Checks.batchMean(quadratic.add(linear));
    }

    @Override
    public String name() {
        return "huber";
    }
}
