package org.descent.optim;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;

/**
 * AdaGrad (Duchi, Hazan and Singer, 2011), as PyTorch's {@code torch.optim.Adagrad} (lr_decay 0:
 * give a schedule instead). Each parameter keeps the running sum S of its squared gradients (the
 * initial accumulator value before its first step); at each update, with step size η_k:
 *
 * <pre>
 *   g ← g + λ W                       (weight decay λ, if &gt; 0)
 *   S ← S + g²
 *   W ← W − η_k g / (√S + ε)
 * </pre>
 *
 * State and arithmetic in float64; checkpoints hold {@code square_sum.i} per parameter i.
 */
public final class AdaGrad extends Optimizer {
    private final AdaGradConfig config;
    private final double[][] squareSum;

    public AdaGrad(List<Parameter> parameters, AdaGradConfig config) {
        super(parameters, config == null ? null : config.stepSize());
        this.config = config;
        this.squareSum = new double[parameterCount()][];
    }

    public AdaGradConfig config() {
        return config;
    }

    @Override
    protected void beginUpdate(int index, Tensor value, double learningRate) {
        if (squareSum[index] == null) {
            squareSum[index] = new double[value.size()];
            Arrays.fill(squareSum[index], config.initialAccumulator());
        }
    }

    @Override
    protected void update(int index, Tensor value, Tensor grad, int from, int to, double learningRate) {
        double[] sum = squareSum[index];
        double lambda = config.weightDecay();
        for (int j = from; j < to; j++) {
            double w = value.get(j);
            double g = grad.get(j) + lambda * w;
            sum[j] += g * g;
            value.set(j, w - learningRate * g / (Math.sqrt(sum[j]) + config.epsilon()));
        }
    }

    @Override
    protected void saveState(Map<String, Tensor> state) {
        for (int i = 0; i < squareSum.length; i++) {
            RmsProp.put(state, "square_sum." + i, squareSum[i]);
        }
    }

    @Override
    protected void restoreState(Map<String, Tensor> state) {
        for (int i = 0; i < squareSum.length; i++) {
            squareSum[i] = stateArray(state, "square_sum." + i, i);
        }
    }
}
