package org.descent.nn;

import org.descent.DescentException;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/** The input checks {@link BatchNorm1d} and {@link LayerNorm} share: (N, C) of the layer's dtype. */
final class Normalization {
    private Normalization() {
    }

    /** N, after refusing an input that is not (N, features) or not of the parameters' dtype. */
    static int requireInput(Module layer, Tensor x, int features, Parameter weight) {
        if (x.shape().rank() != 2 || x.shape().dim(1) != features) {
            throw new ShapeException(layer.describe() + ": input of shape " + x.shape() + " does not fit weight of shape "
                    + weight.shape() + "; expected (N, " + features + ")");
        }
        if (x.dtype() != weight.value().dtype()) {
            throw new DescentException(layer.describe() + ": input is " + x.dtype() + " but the layer is "
                    + weight.value().dtype() + "; convert one with to(DType) or copy(DType)");
        }
        return x.shape().dim(0);
    }

    /** {@code features}, after refusing another input size (−1: unknown, accepted). */
    static int requireSize(Module layer, int inputSize, int features, Parameter weight) {
        if (inputSize >= 0 && inputSize != features) {
            throw new ShapeException(layer.describe() + " expects " + features + " input features but gets "
                    + inputSize + " (input shape (N, " + inputSize + "), weight shape " + weight.shape() + ")");
        }
        return features;
    }
}
