package org.descent.nn;

import org.descent.tensor.Tensor;

/**
 * The logistic function, element-wise: {@code y = σ(z) = 1 / (1 + e^−z)}, with
 * {@code dy/dz = y (1 − y)}.
 *
 * <p>Shape: input (N, F), output (N, F).
 */
public final class Sigmoid extends Module {

    @Override
    public Tensor forward(Tensor input) {
        return input.sigmoid();
    }
}
