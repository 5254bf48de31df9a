package org.descent.nn;

import org.descent.tensor.Tensor;

/**
 * GELU with the tanh approximation, element-wise:
 * {@code y = ½ z (1 + tanh(√(2/π)(z + 0.044715 z³)))}, as PyTorch's
 * {@code nn.GELU(approximate='tanh')}. It differs from the exact {@link Gelu} by at most about
 * 5·10⁻⁴.
 *
 * <p>Shape: input (N, F), output (N, F).
 */
public final class GeluTanh extends Module {

    @Override
    public Tensor forward(Tensor input) {
        return input.geluTanh();
    }
}
