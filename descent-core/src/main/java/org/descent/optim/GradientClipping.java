package org.descent.optim;

import java.io.Serializable;
import java.util.Collection;
import org.descent.DescentException;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;

/**
 * Gradient clipping between {@code backward()} and {@link Optimizer#step()}, as PyTorch's
 * {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}:
 *
 * <pre>
 *   by norm C:   g ← g · min(1, C / (‖g‖ + 10⁻⁶))    ‖g‖ the global norm over all parameters
 *   by value V:  g ← clamp(g, −V, V)                 each element
 * </pre>
 *
 * Gradients are changed in place. {@link #apply} returns the global norm before clipping, which
 * the trainer records in the history.
 *
 * @param byNorm whether {@code limit} is the norm C (else the value V)
 * @param limit  C or V, positive and finite
 */
public record GradientClipping(boolean byNorm, double limit) implements Serializable {   // sent to Spark executors
    public GradientClipping {
        if (!(limit > 0) || Double.isInfinite(limit)) {
            throw new DescentException("gradient clipping " + (byNorm ? "norm" : "value") + " must be positive and"
                    + " finite, got " + limit);
        }
    }

    /** Scales the gradients so their global norm is at most {@code maxNorm}. */
    public static GradientClipping byNorm(double maxNorm) {
        return new GradientClipping(true, maxNorm);
    }

    /** Clamps each gradient element to [−maxValue, maxValue]. */
    public static GradientClipping byValue(double maxValue) {
        return new GradientClipping(false, maxValue);
    }

    /** Clips the gradients of {@code parameters} in place; returns their global norm before clipping. */
    public double apply(Collection<Parameter> parameters) {
        double norm = GradientNorm.of(parameters);
        if (byNorm) {
            double coefficient = Math.min(1.0, limit / (norm + 1e-6));
            for (Parameter p : parameters) {
                if (p.grad() != null) {
                    scale(p.grad(), coefficient);
                }
            }
        } else {
            for (Parameter p : parameters) {
                if (p.grad() != null) {
                    clamp(p.grad(), limit);
                }
            }
        }
        return norm;
    }

    private static void scale(Tensor g, double coefficient) {
        float[] floats = g.floatData();
        if (floats != null) {
            float c = (float) coefficient;
            for (int i = 0; i < floats.length; i++) {
                floats[i] *= c;
            }
            return;
        }
        double[] doubles = g.doubleData();
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] *= coefficient;
        }
    }

    private static void clamp(Tensor g, double limit) {
        for (int i = 0; i < g.size(); i++) {
            double v = g.get(i);
            if (v > limit || v < -limit) {
                g.set(i, Math.max(-limit, Math.min(limit, v)));
            }
        }
    }

    @Override
    public String toString() {
        return byNorm ? "clip-norm " + limit : "clip-value " + limit;
    }
}
