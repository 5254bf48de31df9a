package org.descent.optim;

import java.util.List;
import java.util.Map;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;

/**
 * AdamW (Loshchilov and Hutter, 2019): Adam with decoupled weight decay, exactly as PyTorch's
 * {@code torch.optim.AdamW} (no AMSGrad). The decay shrinks the weights directly instead of
 * entering the gradient, so it is not divided by √v̂: at each update, with step size η_k,
 *
 * <pre>
 *   W ← W (1 − η_k λ)                               (decoupled weight decay λ)
 *   m ← β1 m + (1 − β1) g,   v ← β2 v + (1 − β2) g²
 *   W ← W − (η_k / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
 * </pre>
 *
 * The moments, their float32 loop and their checkpoint entries are {@link Adam}'s (it runs one
 * with λ = 0 for the second and third lines). PyTorch's defaults: η = 10⁻³, β1 = 0.9,
 * β2 = 0.999, ε = 10⁻⁸, λ = 10⁻² ({@link #defaults}).
 */
public final class AdamW extends Optimizer {
    /** PyTorch's default decoupled weight decay. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    private final AdamConfig config;
    private final Adam moments;

    /** @param config β1, β2, ε and the decoupled weight decay λ (its {@code weightDecay}) */
    public AdamW(List<Parameter> parameters, AdamConfig config) {
        super(parameters, config == null ? null : config.stepSize());
        this.config = config;
        this.moments = new Adam(parameters, config.withWeightDecay(0));
    }

    /** PyTorch's defaults with the schedule η<sub>k</sub>: λ = 0.01. */
    public static AdamConfig defaults(StepSize stepSize) {
        return AdamConfig.of(stepSize).withWeightDecay(DEFAULT_WEIGHT_DECAY);
    }

    public AdamConfig config() {
        return config;
    }

    @Override
    protected void beginUpdate(int index, Tensor value, double learningRate) {
        moments.beginUpdate(index, value, learningRate);
    }

    @Override
    protected void update(int index, Tensor value, Tensor grad, int from, int to, double learningRate) {
        double shrink = 1 - learningRate * config.weightDecay();
        if (config.weightDecay() != 0) {
            float[] floats = value.floatData();
            if (floats != null) {
                float factor = (float) shrink;   // float32 arithmetic, as PyTorch's param.mul_(1 - lr * wd)
                for (int j = from; j < to; j++) {
                    floats[j] *= factor;
                }
            } else {
                double[] doubles = value.doubleData();
                for (int j = from; j < to; j++) {
                    doubles[j] *= shrink;
                }
            }
        }
        moments.update(index, value, grad, from, to, learningRate);
    }

    @Override
    protected void saveState(Map<String, Tensor> state) {
        moments.saveState(state);
    }

    @Override
    protected void restoreState(Map<String, Tensor> state) {
        moments.restoreState(state);
    }
}
