package org.descent.nn;

import org.descent.tensor.Tensor;

/**
 * The Gaussian error linear unit, exact (Hendrycks and Gimpel, 2016), element-wise:
 * {@code y = z Φ(z)} with the standard normal distribution function
 * {@code Φ(z) = ½(1 + erf(z/√2))}; {@code dy/dz = Φ(z) + z φ(z)}, φ the normal density. As
 * PyTorch's {@code nn.GELU()} (approximate='none'); see {@link Tensor#erf()} for the error function.
 *
 * <p>Shape: input (N, F), output (N, F).
 */
public final class Gelu extends Module {

    @Override
    public Tensor forward(Tensor input) {
        return input.gelu();
    }
}
