package org.descent.nn;

import org.descent.tensor.Shape;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/**
 * A learnable tensor held by a module. The holder stays the same while its value may be
 * replaced (dtype conversion, loading), so optimizers and modules can keep a reference to it.
 */
public final class Parameter {
    private Tensor value;

    public Parameter(Tensor value) {
        this.value = value.detach().requiresGrad(true);
    }

    public Tensor value() {
        return value;
    }

    /** The gradient accumulated by the last {@code backward()}, or null. */
    public Tensor grad() {
        return value.grad();
    }

    public Shape shape() {
        return value.shape();
    }

    public void zeroGrad() {
        value.zeroGrad();
    }

    /** Replaces the value by a tensor of the same shape (any dtype); the gradient is dropped. */
    public void set(Tensor newValue, String name) {
        if (!newValue.shape().equals(value.shape())) {
            throw new ShapeException("parameter '" + name + "' has shape " + value.shape()
                    + " but the new value has shape " + newValue.shape());
        }
        value = newValue.detach().requiresGrad(true);
    }
}
