package org.descent.optim;

import java.util.Collection;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;

/** The Euclidean norm ‖∇Loss‖ of gradients, for the stop rule {@code ‖∇Loss‖ < ε₂} and for logging. */
public final class GradientNorm {
    private GradientNorm() {
    }

    /**
     * The global norm √(Σ<sub>p</sub> Σ<sub>i</sub> g<sub>p,i</sub>²) over the gradients of all
     * {@code parameters}, as if they were one vector; parameters with a null gradient count as 0.
     */
    public static double of(Collection<Parameter> parameters) {
        double sum = 0;
        for (Parameter parameter : parameters) {
            if (parameter.grad() != null) {
                sum += squaredSum(parameter.grad());
            }
        }
        return Math.sqrt(sum);
    }

    /** √(Σ<sub>i</sub> g<sub>i</sub>²) of one gradient tensor. */
    public static double of(Tensor gradient) {
        return Math.sqrt(squaredSum(gradient));
    }

    /** Σ g², accumulated in float64; a direct loop over the storage, since it runs every step. */
    private static double squaredSum(Tensor t) {
        double sum = 0;
        float[] floats = t.floatData();
        if (floats != null) {
            for (float g : floats) {
                sum += (double) g * g;
            }
            return sum;
        }
        for (double g : t.doubleData()) {
            sum += g * g;
        }
        return sum;
    }
}
