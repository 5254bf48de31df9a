package org.descent.optim;

import java.util.function.UnaryOperator;
import org.descent.nn.Module;
import org.descent.tensor.Tensor;

/** A test activation module applying a tensor function, e.g. {@code new Elementwise("Sigmoid", Tensor::sigmoid)}. */
final class Elementwise extends Module {
    private final String name;
    private final UnaryOperator<Tensor> function;

    Elementwise(String name, UnaryOperator<Tensor> function) {
        this.name = name;
        this.function = function;
    }

    static Elementwise sigmoid() {
        return new Elementwise("Sigmoid", Tensor::sigmoid);
    }

    static Elementwise tanh() {
        return new Elementwise("Tanh", Tensor::tanh);
    }

    @Override
    public Tensor forward(Tensor input) {
        return function.apply(input);
    }

    @Override
    protected String describe() {
        return name + "()";
    }

    /** L2 loss: the mean over rows of ½ ‖y − d‖². */
    static Tensor l2Loss(Tensor y, Tensor d) {
        return y.sub(d).square().sum(1, false).mul(0.5).mean();
    }
}
