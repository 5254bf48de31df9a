package org.descent.nn;

import java.util.Random;
import org.descent.autograd.GradCheck;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * {@link GradCheck} for a module's parameters: the backpropagated gradient of
 * {@code Σ w · forward(x)} (fixed random weights w) against central differences taken by
 * perturbing each float64 parameter element in place.
 */
final class ParameterGradCheck {
    private ParameterGradCheck() {
    }

    /** The largest |analytic − numeric| / max(1, |numeric|) over every parameter element. */
    static double maxError(Module module, Tensor input) {
        module.to(DType.FLOAT64).zeroGrad();
        Tensor probe = module.forward(input);
        Tensor weights = Tensor.uniform(new Random(42), 0.5, 1.5, DType.FLOAT64, probe.shape().dims());
        probe.mul(weights).sum().backward();
        double worst = 0;
        for (Parameter p : module.parameters()) {
            double[] values = p.value().doubleData();
            for (int j = 0; j < values.length; j++) {
                double saved = values[j];
                values[j] = saved + GradCheck.STEP;
                double up = module.forward(input).mul(weights).sum().item();
                values[j] = saved - GradCheck.STEP;
                double down = module.forward(input).mul(weights).sum().item();
                values[j] = saved;
                double numeric = (up - down) / (2 * GradCheck.STEP);
                double error = Math.abs(p.grad().get(j) - numeric) / Math.max(1.0, Math.abs(numeric));
                worst = Math.max(worst, Double.isNaN(error) ? Double.POSITIVE_INFINITY : error);
            }
        }
        return worst;
    }
}
