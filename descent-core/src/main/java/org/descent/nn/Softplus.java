package org.descent.nn;

import org.descent.tensor.Tensor;

/**
 * A smooth ReLU, element-wise: {@code y = log(1 + e^z)}, computed as
 * {@code max(z, 0) + log(1 + e^−|z|)} so it never overflows; {@code dy/dz = σ(z)}.
 *
 * <p>Shape: input (N, F), output (N, F).
 */
public final class Softplus extends Module {

    @Override
    public Tensor forward(Tensor input) {
        return input.softplus();
    }
}
