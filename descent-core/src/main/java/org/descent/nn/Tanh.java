package org.descent.nn;

import org.descent.tensor.Tensor;

/**
 * The hyperbolic tangent, element-wise: {@code y = tanh(z)}, with {@code dy/dz = 1 − y²}.
 *
 * <p>Shape: input (N, F), output (N, F).
 */
public final class Tanh extends Module {

    @Override
    public Tensor forward(Tensor input) {
        return input.tanh();
    }
}
