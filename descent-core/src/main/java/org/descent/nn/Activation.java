package org.descent.nn;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.descent.autograd.Function;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/**
 * Any differentiable function as an activation layer: {@code y = f(z)}, the lecture's "any
 * differentiable function". Either compose tensor operations, whose derivatives autograd knows,
 *
 * <pre>{@code
 * Module swish = new Activation("Swish", z -> z.mul(z.sigmoid()));
 * }</pre>
 *
 * or wrap an {@link Function} with a hand-written backward rule (check it with
 * {@link org.descent.autograd.GradCheck}). The function may mix the features of a sample (a
 * vector activation) but must keep their number.
 *
 * <p>Shape: input (N, F), output (N, F).
 */
public final class Activation extends Module {
    private final String name;
    private final UnaryOperator<Tensor> function;

    /** An activation named {@code name} (for {@code toString}) computing {@code function}. */
    public Activation(String name, UnaryOperator<Tensor> function) {
        this.name = Objects.requireNonNull(name, "name");
        this.function = Objects.requireNonNull(function, "function");
    }

    /** An activation applying a user-defined {@link Function} of one input, named after it. */
    public Activation(Function function) {
        this(function.name(), z -> function.apply(z));
    }

    public String name() {
        return name;
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor output = function.apply(input);
        if (!output.shape().equals(input.shape())) {
            throw new ShapeException(describe() + " turned input of shape " + input.shape() + " into shape "
                    + output.shape() + "; an activation must keep the shape of its input");
        }
        return output;
    }

    @Override
    protected String describe() {
        return "Activation(" + name + ")";
    }
}
