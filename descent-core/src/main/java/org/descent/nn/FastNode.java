package org.descent.nn;

import java.util.function.Supplier;
import org.descent.tensor.FusedRule;
import org.descent.tensor.GradientStorage;
import org.descent.tensor.Tensor;

/**
 * Records a layer's output as one fused node ({@link FusedRule}) from its two halves: a fast
 * gradient computed in plain loops (the ordinary {@code backward()}), and the layer's formula in
 * tensor operations, which the backward pass differentiates instead when it records a graph
 * ({@code createGraph}), so second derivatives stay exact. Used by {@link BatchNorm1d},
 * {@link LayerNorm} and {@link Dropout}.
 */
final class FastNode {
    /**
     * The fast half: dLoss/dInput per input (null where none is needed), given dLoss/dOutput; the
     * gradient of input k may be written into {@code storage.of(k)} (every element overwritten).
     */
    @FunctionalInterface
    interface Fast {
        Tensor[] backward(Tensor gradOutput, GradientStorage storage);
    }

    private FastNode() {
    }

    /** {@code output}, recorded as {@code name} computed from {@code inputs}. */
    static Tensor record(Tensor output, String name, Supplier<Tensor> reference, Fast fast, Tensor... inputs) {
        return output.recordedFrom(name, FusedRule.of(reference, fast::backward), inputs);
    }
}
