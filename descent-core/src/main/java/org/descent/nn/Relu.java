package org.descent.nn;

import org.descent.tensor.Tensor;

/**
 * The rectified linear unit, element-wise: {@code y = max(0, z)}.
 *
 * <p>Derivative convention: {@code dy/dz = 1} at {@code z ≥ 0} and {@code 0} below, as in the
 * lecture. PyTorch takes 0 at exactly {@code z = 0}; the two agree everywhere else, and exact
 * zeros are rare in practice (see {@link Tensor#relu()}).
 *
 * <p>Shape: input (N, F), output (N, F).
 */
public final class Relu extends Module {

    @Override
    public Tensor forward(Tensor input) {
        return input.relu();
    }
}
