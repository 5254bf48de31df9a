package org.descent.nn;

import java.util.Random;
import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/**
 * A layer of multiplicative combination, the lecture's example of a vector activation:
 *
 * <pre>
 *   z_l = Σ_j w_jl x_j + b_l                (an inner {@link Linear}, in → units)
 *   y_k = Π_l z_l^{α_lk}  = exp(Σ_l α_lk log z_l)   (learnable exponents α)
 * </pre>
 *
 * computed as {@code exp(log(z) · α)}. It is defined only for {@code z > 0}: a non-positive
 * {@code z} in {@link #forward} is an error naming the sample, the unit and the value. Keep
 * inputs positive and the bias positive (it starts at 1; the inner weights start uniform in
 * ±1/√in, α uniform in ±1/√units).
 *
 * <p>Derivatives: {@code ∂y_k/∂α_lk = y_k log z_l}, {@code ∂y_k/∂z_l = α_lk y_k / z_l}.
 *
 * <p>Parameters: {@code linear.weight} (units, in), {@code linear.bias} (units), {@code alpha}
 * (units, out).
 *
 * <p>Shape: input (N, in), output (N, out).
 */
public final class MultiplicativeCombination extends Module {
    private final int inFeatures;
    private final int units;
    private final int outFeatures;
    private final Linear linear;
    private final Parameter alpha;

    public MultiplicativeCombination(int inFeatures, int units, int outFeatures, Random random) {
        if (inFeatures <= 0 || units <= 0 || outFeatures <= 0) {
            throw new DescentException("MultiplicativeCombination needs positive sizes, got in=" + inFeatures
                    + ", units=" + units + ", out=" + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.units = units;
        this.outFeatures = outFeatures;
        this.linear = addModule("linear", new Linear(inFeatures, units, random));
        linear.bias().set(Tensor.ones(DType.FLOAT32, units), "linear.bias");
        double bound = 1.0 / Math.sqrt(units);
        this.alpha = addParameter("alpha", Tensor.uniform(random, -bound, bound, DType.FLOAT32, units, outFeatures));
    }

    public int inFeatures() {
        return inFeatures;
    }

    /** The number of units l, the inner dimension. */
    public int units() {
        return units;
    }

    public int outFeatures() {
        return outFeatures;
    }

    /** The inner affine map, holding {@code linear.weight} and {@code linear.bias}. */
    public Linear linear() {
        return linear;
    }

    /** The exponents α, of shape (units, out). */
    public Parameter alpha() {
        return alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor z = linear.forward(input);
        for (int i = 0; i < z.size(); i++) {
            double value = z.get(i);
            if (!(value > 0)) {
                throw new DescentException(describe() + ": z = " + value + " at sample " + i / units + ", unit "
                        + i % units + " is not positive, but y = Π z^α is defined only for z > 0; "
                        + "use positive inputs and a positive bias (linear.bias)");
            }
        }
        return z.log().matmul(alpha.value()).exp();
    }

    @Override
    public int outputSize(int inputSize) {
        try {
            linear.outputSize(inputSize);
        } catch (ShapeException e) {
            throw new ShapeException(describe() + ": " + e.getMessage());
        }
        return outFeatures;
    }

    @Override
    protected String describe() {
        return "MultiplicativeCombination(in=" + inFeatures + ", units=" + units + ", out=" + outFeatures + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
