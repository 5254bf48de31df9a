package org.descent.nn;

import java.util.List;
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

    /** {@code {"kind": "elu", "alpha": α}} in model files; α is written only when it is not {@link #DEFAULT_ALPHA}. */
    public static final LayerType<Elu> TYPE = new LayerType<>("elu", Elu.class, List.of("alpha"),
            (args, in, random) -> new Elu(args.number("alpha", DEFAULT_ALPHA)),
            module -> module.alpha() == DEFAULT_ALPHA ? LayerArguments.none() : LayerArguments.of("alpha", module.alpha()),
            (args, in) -> LayerLayout.sameSize(in));

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
