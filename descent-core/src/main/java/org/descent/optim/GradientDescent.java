package org.descent.optim;

import java.util.List;
import java.util.Map;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;

/**
 * Gradient descent, {@code W ← W − η_k ∇Loss(W)ᵀ}, with optional momentum, Nesterov momentum and
 * weight decay, exactly as PyTorch's {@code torch.optim.SGD} (dampening 0). At step k, with
 * gradient g and velocity v (0 before the first step):
 *
 * <pre>
 *   g ← g + λ W                       (weight decay λ, if &gt; 0)
 *   v ← μ v + g                       (momentum μ, if &gt; 0)
 *   W ← W − η_k (g + μ v)             (Nesterov)
 *   W ← W − η_k v                     (heavy ball; plain descent when μ = 0, v = g)
 * </pre>
 */
public final class GradientDescent extends Optimizer {
    private final GradientDescentConfig config;
    private final double[][] velocity;

    public GradientDescent(List<Parameter> parameters, double learningRate) {
        this(parameters, GradientDescentConfig.of(learningRate));
    }

    public GradientDescent(List<Parameter> parameters, GradientDescentConfig config) {
        super(parameters, config == null ? null : config.stepSize());
        this.config = config;
        this.velocity = new double[parameterCount()][];
    }

    public GradientDescentConfig config() {
        return config;
    }

    @Override
    protected void saveState(Map<String, Tensor> state) {
        for (int i = 0; i < velocity.length; i++) {
            if (velocity[i] != null) {
                state.put("velocity." + i, Tensor.of(velocity[i].clone(), velocity[i].length));
            }
        }
    }

    @Override
    protected void restoreState(Map<String, Tensor> state) {
        double[][] restored = new double[velocity.length][];
        for (int i = 0; i < velocity.length; i++) {
            restored[i] = stateArray(state, "velocity." + i, i);
        }
        System.arraycopy(restored, 0, velocity, 0, restored.length);
    }

    @Override
    protected void beginUpdate(int index, Tensor value, double learningRate) {
        if (config.momentum() > 0 && velocity[index] == null) {
            velocity[index] = new double[value.size()];
        }
    }

    @Override
    protected void update(int index, Tensor value, Tensor grad, int from, int to, double learningRate) {
        double mu = config.momentum();
        double lambda = config.weightDecay();
        boolean nesterov = config.nesterov();
        double[] v = velocity[index];
        float[] floats = value.floatData();
        double[] doubles = value.doubleData();
        float[] gradients = grad.floatData();
        if (floats != null && gradients != null && mu == 0 && lambda == 0) {
            // Plain descent in float32 arithmetic (η rounded to float), as PyTorch's update: W + (−η)·g = W − η·g exactly.
            float alpha = -(float) learningRate;
            for (int j = from; j < to; j++) {
                floats[j] += alpha * gradients[j];
            }
            return;
        }
        for (int j = from; j < to; j++) {
            double w = floats != null ? floats[j] : doubles[j];
            double g = grad.get(j) + lambda * w;
            double direction = g;
            if (mu > 0) {
                v[j] = mu * v[j] + g;
                direction = nesterov ? g + mu * v[j] : v[j];
            }
            w -= learningRate * direction;
            if (floats != null) {
                floats[j] = (float) w;
            } else {
                doubles[j] = w;
            }
        }
    }
}
