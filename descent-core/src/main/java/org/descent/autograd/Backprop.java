package org.descent.autograd;

import java.util.List;
import org.descent.tensor.BackwardPass;
import org.descent.tensor.Tensor;

/**
 * Reverse-mode differentiation over the recorded graph, for outputs of any shape and for
 * gradients with respect to chosen inputs (like PyTorch's {@code torch.autograd.grad}). The
 * walk itself is {@link BackwardPass}, beside {@link Tensor}: gradients are summed at every
 * fan-out, so any acyclic graph (skip connections, shared weights) comes out right.
 */
public final class Backprop {
    private Backprop() {
    }

    /**
     * {@code loss.backward()}: adds dOutput/dLeaf to {@code grad()} of every leaf that requires
     * gradients. With {@code createGraph}, the gradients are recorded too and can be
     * differentiated again.
     */
    public static void backward(Tensor output, Tensor seed, boolean createGraph) {
        BackwardPass.backward(output, seed, createGraph);
    }

    /**
     * The gradients of {@code output} (weighted by {@code seed}) with respect to {@code inputs},
     * without touching any {@code grad()}; zeros for an input the output does not depend on
     * (a constant output included, as when differentiating a linear function twice). The
     * gradient of a computed input is a copy, as it may live in storage its operation lent
     * and reuses at the next step.
     */
    public static Tensor[] gradients(Tensor output, Tensor seed, List<Tensor> inputs, boolean createGraph) {
        return BackwardPass.gradients(output, seed, inputs, createGraph);
    }
}
