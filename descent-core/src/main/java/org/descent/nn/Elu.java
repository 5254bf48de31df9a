package org.descent.nn;

import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * The exponential linear unit (Clevert et al., 2016), element-wise: {@code y = z} for
 * {@code z > 0}, {@code α(e^z − 1)} otherwise (computed with {@code expm1}); {@code dy/dz = 1}
 * for {@code z > 0}, {@code α e^z} otherwise. As PyTorch's {@code nn.ELU(alpha=α)}; default α = 1.
 *
 * <p>Shape: input (N, F), output (N, F).
 */
public final class Elu extends Module {
    /** PyTorch's default α. */
    public static final double DEFAULT_ALPHA = 1.0;

    private final double alpha;

    public Elu() {
        this(DEFAULT_ALPHA);
    }

    /** @param alpha the value −α that y approaches as z → −∞; finite and ≥ 0 */
    public Elu(double alpha) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new DescentException("Elu: alpha must be non-negative and finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.elu(alpha);
    }

    @Override
    protected String describe() {
        return "Elu(" + alpha + ")";
    }
}
