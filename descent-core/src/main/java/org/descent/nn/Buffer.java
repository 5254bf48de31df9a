package org.descent.nn;

import org.descent.tensor.Shape;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/**
 * A tensor a module keeps that is not trained: running statistics, a counter, an RNG state. It
 * is part of the module's {@link Module#state() state} (saved in model files and checkpoints, sent
 * to Spark executors) but not of its parameters, so optimizers never see it and it carries no
 * gradient. Like {@link Parameter}, the holder stays while its value is replaced.
 */
public final class Buffer {
    private Tensor value;

    public Buffer(Tensor value) {
        this.value = value.detach();
    }

    public Tensor value() {
        return value;
    }

    public Shape shape() {
        return value.shape();
    }

    /** Replaces the value by a tensor of the same shape (any dtype), detached from any graph. */
    public void set(Tensor newValue, String name) {
        if (!newValue.shape().equals(value.shape())) {
            throw new ShapeException("buffer '" + name + "' has shape " + value.shape()
                    + " but the new value has shape " + newValue.shape());
        }
        value = newValue.detach();
    }
}
