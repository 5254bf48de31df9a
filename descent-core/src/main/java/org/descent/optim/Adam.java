package org.descent.optim;

import java.util.List;
import java.util.Map;
import org.descent.DescentException;
import org.descent.nn.Parameter;
import org.descent.tensor.DType;
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
 *
 * <p>m and v have the parameter's dtype, and so has the arithmetic: float64 parameters are
 * updated in float64 (exact against PyTorch), float32 ones in float32, as PyTorch does, in one
 * loop over the arrays that the JIT compiles to vector instructions (a float64 update of float32
 * weights, widening and narrowing each element, is several times slower on JDK 17).
 */
public final class Adam extends Optimizer {
    private final AdamConfig config;
    private final Tensor[] firstMoment;
    private final Tensor[] secondMoment;
    private final int[] updates;

    public Adam(List<Parameter> parameters, double learningRate) {
        this(parameters, AdamConfig.of(learningRate));
    }

    public Adam(List<Parameter> parameters, AdamConfig config) {
        super(parameters, config == null ? null : config.stepSize());
        this.config = config;
        this.firstMoment = new Tensor[parameterCount()];
        this.secondMoment = new Tensor[parameterCount()];
        this.updates = new int[parameterCount()];
    }

    public AdamConfig config() {
        return config;
    }

    @Override
    protected void saveState(Map<String, Tensor> state) {
        for (int i = 0; i < updates.length; i++) {
            if (firstMoment[i] != null) {
                state.put("first_moment." + i, Tensor.of(firstMoment[i].toDoubleArray(), firstMoment[i].size()));
                state.put("second_moment." + i, Tensor.of(secondMoment[i].toDoubleArray(), secondMoment[i].size()));
                state.put("updates." + i, Tensor.of(new double[] {updates[i]}, 1));
            }
        }
    }

    @Override
    protected void restoreState(Map<String, Tensor> state) {
        // Everything is checked before anything is replaced: a damaged state leaves this optimizer as it was.
        Tensor[] first = new Tensor[updates.length];
        Tensor[] second = new Tensor[updates.length];
        int[] counts = new int[updates.length];
        for (int i = 0; i < updates.length; i++) {
            double[] m = stateArray(state, "first_moment." + i, i);
            double[] v = stateArray(state, "second_moment." + i, i);
            Tensor count = state.get("updates." + i);
            if ((m == null) != (v == null) || (m == null) != (count == null)) {
                throw new DescentException("Adam state of parameter " + i + " is incomplete: it has "
                        + present(m != null, v != null, count != null) + "; a started parameter needs first_moment."
                        + i + ", second_moment." + i + " and updates." + i + " (the checkpoint is damaged)");
            }
            if (count != null) {
                counts[i] = count(count, "updates." + i);
            }
            first[i] = moment(m, i);
            second[i] = moment(v, i);
        }
        System.arraycopy(first, 0, firstMoment, 0, first.length);
        System.arraycopy(second, 0, secondMoment, 0, second.length);
        System.arraycopy(counts, 0, updates, 0, counts.length);
    }

    private static String present(boolean first, boolean second, boolean count) {
        String parts = (first ? ", first_moment" : "") + (second ? ", second_moment" : "") + (count ? ", updates" : "");
        return parts.isEmpty() ? "nothing" : "only " + parts.substring(2);
    }

    /** Saved moments (float64, exact for float32 values) in the dtype of parameter {@code index}; null if absent. */
    private Tensor moment(double[] saved, int index) {
        return saved == null ? null : Tensor.of(saved, saved.length).copy(parameters().get(index).value().dtype());
    }

    @Override
    protected void beginUpdate(int index, Tensor value, double learningRate) {
        if (firstMoment[index] == null) {
            firstMoment[index] = Tensor.zeros(value.dtype(), value.size());
            secondMoment[index] = Tensor.zeros(value.dtype(), value.size());
        }
        updates[index]++;
    }

    @Override
    protected void update(int index, Tensor value, Tensor grad, int from, int to, double learningRate) {
        int t = updates[index];
        double stepSize = learningRate / (1 - Math.pow(config.beta1(), t));
        double secondCorrection = Math.sqrt(1 - Math.pow(config.beta2(), t));
        if (value.dtype() == DType.FLOAT32) {
            updateFloat32(value.floatData(), grad, firstMoment[index].floatData(), secondMoment[index].floatData(),
                    from, to, (float) stepSize, (float) secondCorrection);
        } else {
            updateFloat64(value.doubleData(), grad, firstMoment[index].doubleData(), secondMoment[index].doubleData(),
                    from, to, stepSize, secondCorrection);
        }
    }

    /**
     * The update in float32, every operand rounded to float: a plain loop over arrays, which C2
     * vectorizes (a float64 gradient, which a float32 weight seldom has, is rounded to float first).
     */
    private void updateFloat32(float[] w, Tensor grad, float[] m, float[] v, int from, int to, float stepSize,
                               float secondCorrection) {
        float[] g = grad.floatData() != null ? grad.floatData() : grad.copy(DType.FLOAT32).floatData();
        float beta1 = (float) config.beta1();
        float beta2 = (float) config.beta2();
        float oneMinusBeta1 = (float) (1 - config.beta1());
        float oneMinusBeta2 = (float) (1 - config.beta2());
        float lambda = (float) config.weightDecay();
        float epsilon = (float) config.epsilon();
        for (int j = from; j < to; j++) {
            float weight = w[j];
            float gradient = g[j] + lambda * weight;
            float first = beta1 * m[j] + oneMinusBeta1 * gradient;
            float second = beta2 * v[j] + oneMinusBeta2 * gradient * gradient;
            m[j] = first;
            v[j] = second;
            w[j] = weight - stepSize * first / ((float) Math.sqrt(second) / secondCorrection + epsilon);
        }
    }

    /** The update in float64, for float64 parameters. */
    private void updateFloat64(double[] w, Tensor grad, double[] m, double[] v, int from, int to, double stepSize,
                               double secondCorrection) {
        double beta1 = config.beta1();
        double beta2 = config.beta2();
        double lambda = config.weightDecay();
        for (int j = from; j < to; j++) {
            double g = grad.get(j) + lambda * w[j];
            m[j] = beta1 * m[j] + (1 - beta1) * g;
            v[j] = beta2 * v[j] + (1 - beta2) * g * g;
            w[j] -= stepSize * m[j] / (Math.sqrt(v[j]) / secondCorrection + config.epsilon());
        }
    }
}
