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
    /** Gradient storage this parameter owns and reuses from step to step (see {@link #gradientStorage}). */
    private Tensor gradBuffer;
    private boolean gradBufferFree;

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

    /**
     * Drops the gradient. If it was this parameter's own storage ({@link #gradientStorage}), the
     * next backward pass writes into that storage again, so a reference to the old
     * {@link #grad()} sees the new values (as PyTorch's {@code zero_grad(set_to_none=False)}):
     * copy a gradient to keep it.
     */
    public void zeroGrad() {
        gradBufferFree |= gradBuffer != null && value.grad() == gradBuffer;
        value.zeroGrad();
    }

    /**
     * For the fast backward of a fused node ({@code tensor.FusedRule}), so that steady-state
     * training allocates no gradient per step: storage of the shape and dtype of {@code taken}
     * (the value the node read) to overwrite with its gradient. The parameter's own storage while
     * it is free (the first time, and after {@link #zeroGrad()} if it was the gradient), else a
     * new tensor of zeros: once handed out it stays in use until then.
     */
    public Tensor gradientStorage(Tensor taken) {
        if (taken != value) {
            return Tensor.zeros(taken.dtype(), taken.shape().dims());
        }
        if (gradBuffer == null || gradBuffer.dtype() != value.dtype()) {
            gradBuffer = Tensor.zeros(value.dtype(), value.shape().dims());
            gradBufferFree = false;
            return gradBuffer;
        }
        if (gradBufferFree) {
            gradBufferFree = false;
            return gradBuffer;
        }
        return Tensor.zeros(value.dtype(), value.shape().dims());
    }

    /** Replaces the value by a tensor of the same shape (any dtype); the gradient is dropped. */
    public void set(Tensor newValue, String name) {
        if (!newValue.shape().equals(value.shape())) {
            throw new ShapeException("parameter '" + name + "' has shape " + value.shape()
                    + " but the new value has shape " + newValue.shape());
        }
        value = newValue.detach().requiresGrad(true);
        gradBuffer = null;
    }
}
