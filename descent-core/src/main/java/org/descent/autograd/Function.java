package org.descent.autograd;

import org.descent.tensor.Tensor;

/**
 * A user-defined differentiable function, the lecture's "any differentiable function", like
 * PyTorch's {@code torch.autograd.Function}. Implement the forward computation and the
 * backward rule; {@link #apply} records it in the graph.
 *
 * <pre>{@code
 * Function cube = new Function() {
 *     public Tensor forward(Tensor... x) { return x[0].mul(x[0]).mul(x[0]); }
 *     public Tensor[] backward(Tensor[] x, Tensor y, Tensor g) { return new Tensor[] {g.mul(x[0].square()).mul(3)}; }
 * };
 * Tensor y = cube.apply(x);
 * }</pre>
 *
 * Check a new function with {@link GradCheck#check}. If {@code backward} is written with tensor
 * operations, the function can also be differentiated twice: the backward pass records them when
 * it was asked to ({@code createGraph}), and a backward never needs to ask which case it is in.
 * A function whose backward is a fast loop over arrays, with a tensor formula for second
 * derivatives, is a fused node instead: implement {@link org.descent.tensor.FusedRule} and
 * record it with {@link Tensor#recordedFrom(String, org.descent.tensor.FusedRule, Tensor...)}.
 */
public abstract class Function {

    /** The value, computed without recording a graph. */
    public abstract Tensor forward(Tensor... inputs);

    /**
     * dLoss/dInput for each input, given the inputs, the output of {@link #forward} and
     * {@code gradOutput} = dLoss/dOutput. Each gradient has the shape of its input.
     */
    public abstract Tensor[] backward(Tensor[] inputs, Tensor output, Tensor gradOutput);

    /** A name for error messages and {@code toString()}. */
    public String name() {
        return getClass().getSimpleName().isEmpty() ? "function" : getClass().getSimpleName();
    }

    /** Evaluates the function and records it in the graph. */
    public final Tensor apply(Tensor... inputs) {
        Tensor output;
        try (NoGrad scope = NoGrad.enter()) {
            output = forward(inputs);
        }
        // A forward that returned an input as is must not rewire that input's graph node.
        Tensor result = output.node() == null && !isInput(output, inputs) ? output : output.detach();
        return result.recordedFrom(name(), g -> backward(inputs, result, g), inputs);
    }

    private static boolean isInput(Tensor t, Tensor[] inputs) {
        for (Tensor input : inputs) {
            if (input == t) {
                return true;
            }
        }
        return false;
    }
}
