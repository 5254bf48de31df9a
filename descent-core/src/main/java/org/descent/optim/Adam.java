package org.descent.optim;

import java.util.List;
import java.util.Map;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;

/**
 * Adam (Kingma and Ba, 2015), exactly as PyTorch's {@code torch.optim.Adam} (no AMSGrad). Each
 * parameter keeps first and second moment estimates m and v (0 before its first step) and its own
 * step count t; at its t-th update (t = 1, 2, …), with gradient g and step size η_k:
 *
 * <pre>
 *   g ← g + λ W                                   (weight decay λ, if &gt; 0)
 *   m ← β1 m + (1 − β1) g
 *   v ← β2 v + (1 − β2) g²
 *   W ← W − (η_k / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
 * </pre>
 *
 * which is {@code W ← W − η_k m̂ / (√v̂ + ε)} with the bias-corrected m̂ = m / (1 − β1ᵗ) and
 * v̂ = v / (1 − β2ᵗ).
 */
public final class Adam extends Optimizer {
    private final AdamConfig config;
    private final double[][] firstMoment;
    private final double[][] secondMoment;
    private final int[] updates;

    public Adam(List<Parameter> parameters, double learningRate) {
        this(parameters, AdamConfig.of(learningRate));
    }

    public Adam(List<Parameter> parameters, AdamConfig config) {
        super(parameters, config == null ? null : config.stepSize());
        this.config = config;
        this.firstMoment = new double[parameterCount()][];
        this.secondMoment = new double[parameterCount()][];
        this.updates = new int[parameterCount()];
    }

    public AdamConfig config() {
        return config;
    }

    @Override
    protected void saveState(Map<String, Tensor> state) {
        for (int i = 0; i < updates.length; i++) {
            if (firstMoment[i] != null) {
                state.put("first_moment." + i, Tensor.of(firstMoment[i].clone(), firstMoment[i].length));
                state.put("second_moment." + i, Tensor.of(secondMoment[i].clone(), secondMoment[i].length));
                state.put("updates." + i, Tensor.of(new double[] {updates[i]}, 1));
            }
        }
    }

    @Override
    protected void restoreState(Map<String, Tensor> state) {
        for (int i = 0; i < updates.length; i++) {
            firstMoment[i] = stateArray(state, "first_moment." + i, i);
            secondMoment[i] = stateArray(state, "second_moment." + i, i);
            Tensor count = state.get("updates." + i);
            updates[i] = count == null ? 0 : (int) count.get(0);
        }
    }

    @Override
    protected void update(int index, Tensor value, Tensor grad, double learningRate) {
        if (firstMoment[index] == null) {
            firstMoment[index] = new double[value.size()];
            secondMoment[index] = new double[value.size()];
        }
        double[] m = firstMoment[index];
        double[] v = secondMoment[index];
        int t = ++updates[index];
        double beta1 = config.beta1();
        double beta2 = config.beta2();
        double lambda = config.weightDecay();
        double stepSize = learningRate / (1 - Math.pow(beta1, t));
        double secondCorrection = Math.sqrt(1 - Math.pow(beta2, t));
        float[] floats = value.floatData();
        double[] doubles = value.doubleData();
        float[] gradients = grad.floatData();
        if (floats != null && gradients != null) {
            // float32 weights and gradients: the same float64 arithmetic in one loop over the arrays.
            StepLoops.ACTIVE.adam(floats, gradients, m, v, new AdamCoefficients(beta1, beta2, lambda,
                    config.epsilon(), stepSize, secondCorrection));
            return;
        }
        for (int j = 0; j < value.size(); j++) {
            double w = floats != null ? floats[j] : doubles[j];
            double g = grad.get(j) + lambda * w;
            m[j] = beta1 * m[j] + (1 - beta1) * g;
            v[j] = beta2 * v[j] + (1 - beta2) * g * g;
            w -= stepSize * m[j] / (Math.sqrt(v[j]) / secondCorrection + config.epsilon());
            if (floats != null) {
                floats[j] = (float) w;
            } else {
                doubles[j] = w;
            }
        }
    }
}
