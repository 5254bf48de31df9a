package org.descent.nn;

import org.descent.tensor.Tensor;

/**
 * The linear (identity) activation: {@code y = z}, {@code dy/dz = 1}; the output layer of a
 * regression network.
 *
 * <p>Shape: input (N, F), output (N, F), the same tensor.
 */
public final class Identity extends Module {

    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
