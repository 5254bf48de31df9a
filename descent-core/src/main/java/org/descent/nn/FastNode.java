package org.descent.nn;

import java.util.function.Supplier;
import org.descent.tensor.FusedRule;
import org.descent.tensor.GradientStorage;
import org.descent.tensor.Tensor;
import org.descent.tensor.Workspace;

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

    /**
     * As {@link #record(Tensor, String, Supplier, Fast, Tensor...)}, for a node whose tensors are
     * in {@code lease}'s workspace and which lends slot {@code gradientSlot} of it for the
     * gradient at its output (reused from step to step while the lease is current).
     */
    static Tensor record(Tensor output, String name, Supplier<Tensor> reference, Fast fast, Workspace.Lease lease,
            int gradientSlot, Tensor... inputs) {
        return output.recordedFrom(name, new FusedRule() {
            @Override
            public Tensor reference() {
                return reference.get();
            }

            @Override
            public Tensor[] backward(Tensor gradOutput, GradientStorage storage) {
                return fast.backward(gradOutput, storage);
            }

            @Override
            public Workspace.Lease lease() {
                return lease;
            }

            @Override
            public Tensor outputGradientStorage() {
                return output.shape().rank() != 2 ? null
                        : lease.reusedTensor(gradientSlot, output.dtype(), output.shape().dim(0), output.shape().dim(1));
            }
        }, inputs);
    }

    /** A layer's workspace of {@code slots} arrays, its stale-graph message naming {@code layer}. */
    static Workspace workspace(String layer, int slots) {
        return new Workspace(slots, layer + ": backward through a graph whose buffers a later forward pass has reused;"
                + " call backward() before the next forward pass, or run the forward pass again");
    }
}
