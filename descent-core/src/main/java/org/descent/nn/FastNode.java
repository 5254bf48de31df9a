package org.descent.nn;

import java.util.List;
import java.util.function.Supplier;
import org.descent.autograd.Backprop;
import org.descent.autograd.NoGrad;
import org.descent.tensor.Tensor;

/**
 * Records a layer's output as one graph node with two backward halves, the pattern of
 * {@link FusedLinear}: a fast gradient computed in plain loops (the ordinary {@code backward()}),
 * and the layer's formula in tensor operations, recomputed and differentiated instead when the
 * backward pass records a graph ({@code createGraph}), so second derivatives stay exact. Used by
 * {@link BatchNorm1d}, {@link LayerNorm} and {@link Dropout}.
 */
final class FastNode {
    /** The fast half: dLoss/dInput per input (null where none is needed), given dLoss/dOutput. */
    @FunctionalInterface
    interface Fast {
        Tensor[] backward(Tensor gradOutput);
    }

    private FastNode() {
    }

    /** {@code output}, recorded as {@code name} computed from {@code inputs}. */
    static Tensor record(Tensor output, String name, Supplier<Tensor> reference, Fast fast, Tensor... inputs) {
        List<Tensor> in = List.of(inputs);
        return output.recordedFrom(name, g -> NoGrad.active() ? fast.backward(g)
                : Backprop.gradients(reference.get(), g, in, true), inputs);
    }
}
