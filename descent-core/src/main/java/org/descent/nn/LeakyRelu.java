package org.descent.nn;

import java.util.List;
import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * The leaky rectified linear unit, element-wise: {@code y = z} for {@code z > 0}, {@code αz}
 * otherwise; {@code dy/dz = 1} for {@code z > 0}, α otherwise (α at exactly 0, as PyTorch's
 * {@code nn.LeakyReLU(negative_slope=α)}; default α = 0.01).
 *
 * <p>Shape: input (N, F), output (N, F).
 */
public final class LeakyRelu extends Module {
    /** PyTorch's default negative slope. */
    public static final double DEFAULT_ALPHA = 0.01;

    /** {@code {"kind": "leaky_relu", "alpha": α}} in model files; α is written only when it is not {@link #DEFAULT_ALPHA}. */
    public static final LayerType<LeakyRelu> TYPE = new LayerType<>("leaky_relu", LeakyRelu.class, List.of("alpha"),
            (args, in, random) -> new LeakyRelu(args.number("alpha", DEFAULT_ALPHA)),
            module -> module.alpha() == DEFAULT_ALPHA ? LayerArguments.none() : LayerArguments.of("alpha", module.alpha()),
            (args, in) -> LayerLayout.sameSize(in));

    private final double alpha;

    public LeakyRelu() {
        this(DEFAULT_ALPHA);
    }

    /** @param alpha the slope for z ≤ 0, finite */
    public LeakyRelu(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new DescentException("LeakyRelu: the negative slope alpha must be finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.leakyRelu(alpha);
    }

    @Override
    protected String describe() {
        return "LeakyRelu(" + alpha + ")";
    }
}
