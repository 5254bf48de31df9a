package org.descent.nn;

import org.descent.tensor.Tensor;

/**
 * The sigmoid linear unit (swish with β = 1), element-wise: {@code y = z σ(z)};
 * {@code dy/dz = σ(z)(1 + z(1 − σ(z)))}. As PyTorch's {@code nn.SiLU()}.
 *
 * <p>Shape: input (N, F), output (N, F).
 */
public final class Silu extends Module {

    @Override
    public Tensor forward(Tensor input) {
        return input.silu();
    }
}
