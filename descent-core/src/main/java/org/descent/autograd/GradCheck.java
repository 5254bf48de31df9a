package org.descent.autograd;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * Compares backpropagated gradients with central finite differences in float64, like PyTorch's
 * {@code gradcheck}. The function's output is reduced to a scalar with fixed random weights, so
 * every output element's gradient is tested.
 */
public final class GradCheck {
    /** Step of the central differences: small enough for accuracy, large enough for rounding. */
    public static final double STEP = 1e-6;

    private GradCheck() {
    }

    /** The largest |analytic − numeric| / max(1, |numeric|) over all inputs and elements. */
    public static double maxError(Function<Tensor[], Tensor> f, Tensor... inputs) {
        Tensor[] x = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].dtype() != DType.FLOAT64) {
                throw new DescentException("GradCheck needs float64 inputs; convert input " + i + " with copy(DType.FLOAT64)");
            }
            x[i] = inputs[i].detach().requiresGrad(true);
        }
        Tensor probe = f.apply(x);
        Tensor weights = Tensor.uniform(new Random(42), 0.5, 1.5, DType.FLOAT64, probe.shape().dims());
        Tensor out = probe.mul(weights).sum();
        Tensor[] analytic = Backprop.gradients(out, Tensor.scalar(1.0, DType.FLOAT64), List.of(x), false);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double[] values = x[i].doubleData();
            for (int j = 0; j < values.length; j++) {
                double saved = values[j];
                values[j] = saved + STEP;
                double up = weighted(f, x, weights);
                values[j] = saved - STEP;
                double down = weighted(f, x, weights);
                values[j] = saved;
                double numeric = (up - down) / (2 * STEP);
                double error = Math.abs(analytic[i].get(j) - numeric) / Math.max(1.0, Math.abs(numeric));
                worst = Math.max(worst, Double.isNaN(error) ? Double.POSITIVE_INFINITY : error);
            }
        }
        return worst;
    }

    /** True if every gradient agrees with finite differences within {@code tolerance}. */
    public static boolean check(Function<Tensor[], Tensor> f, double tolerance, Tensor... inputs) {
        return maxError(f, inputs) <= tolerance;
    }

    /** Evaluated with recording on, so that f may itself differentiate (a gradient's norm, say). */
    private static double weighted(Function<Tensor[], Tensor> f, Tensor[] x, Tensor weights) {
        return f.apply(x).mul(weights).sum().item();
    }

}
