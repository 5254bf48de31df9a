package org.descent.optim;

import java.util.List;
import java.util.Map;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;

/**
 * RMSprop (Hinton, 2012), exactly as PyTorch's {@code torch.optim.RMSprop}. Each parameter keeps
 * a mean square v, for the centered variant a mean gradient ḡ, and with momentum a buffer b (all
 * 0 before its first step); at each update, with gradient g and step size η_k:
 *
 * <pre>
 *   g ← g + λ W                                  (weight decay λ, if &gt; 0)
 *   v ← α v + (1 − α) g²
 *   ḡ ← α ḡ + (1 − α) g,   s = √(v − ḡ²) + ε     (centered)
 *                           s = √v + ε            (otherwise)
 *   b ← μ b + g / s,        W ← W − η_k b        (momentum μ &gt; 0)
 *                           W ← W − η_k g / s    (otherwise)
 * </pre>
 *
 * The state is float64, and so is the arithmetic: exact against PyTorch for float64 parameters,
 * within float32 rounding for float32 ones. Checkpoints hold {@code square_average.i},
 * {@code gradient_average.i} and {@code momentum_buffer.i} per parameter i.
 */
public final class RmsProp extends Optimizer {
    private final RmsPropConfig config;
    private final double[][] squareAverage;
    private final double[][] gradientAverage;
    private final double[][] momentumBuffer;

    public RmsProp(List<Parameter> parameters, RmsPropConfig config) {
        super(parameters, config == null ? null : config.stepSize());
        this.config = config;
        this.squareAverage = new double[parameterCount()][];
        this.gradientAverage = new double[parameterCount()][];
        this.momentumBuffer = new double[parameterCount()][];
    }

    public RmsPropConfig config() {
        return config;
    }

    @Override
    protected void beginUpdate(int index, Tensor value, double learningRate) {
        int n = value.size();
        if (squareAverage[index] == null) {
            squareAverage[index] = new double[n];
            gradientAverage[index] = config.centered() ? new double[n] : null;
            momentumBuffer[index] = config.momentum() > 0 ? new double[n] : null;
        }
    }

    @Override
    protected void update(int index, Tensor value, Tensor grad, int from, int to, double learningRate) {
        double[] v = squareAverage[index];
        double[] mean = gradientAverage[index];
        double[] buffer = momentumBuffer[index];
        double alpha = config.alpha();
        double lambda = config.weightDecay();
        double mu = config.momentum();
        for (int j = from; j < to; j++) {
            double w = value.get(j);
            double g = grad.get(j) + lambda * w;
            v[j] = alpha * v[j] + (1 - alpha) * g * g;
            double s;
            if (mean != null) {
                mean[j] = alpha * mean[j] + (1 - alpha) * g;
                s = Math.sqrt(v[j] - mean[j] * mean[j]) + config.epsilon();
            } else {
                s = Math.sqrt(v[j]) + config.epsilon();
            }
            if (buffer != null) {
                buffer[j] = mu * buffer[j] + g / s;
                value.set(j, w - learningRate * buffer[j]);
            } else {
                value.set(j, w - learningRate * g / s);
            }
        }
    }

    @Override
    protected void saveState(Map<String, Tensor> state) {
        for (int i = 0; i < squareAverage.length; i++) {
            put(state, "square_average." + i, squareAverage[i]);
            put(state, "gradient_average." + i, gradientAverage[i]);
            put(state, "momentum_buffer." + i, momentumBuffer[i]);
        }
    }

    @Override
    protected void restoreState(Map<String, Tensor> state) {
        for (int i = 0; i < squareAverage.length; i++) {
            squareAverage[i] = stateArray(state, "square_average." + i, i);
            gradientAverage[i] = stateArray(state, "gradient_average." + i, i);
            momentumBuffer[i] = stateArray(state, "momentum_buffer." + i, i);
        }
    }

    static void put(Map<String, Tensor> state, String name, double[] values) {
        if (values != null) {
            state.put(name, Tensor.of(values.clone(), values.length));
        }
    }
}
