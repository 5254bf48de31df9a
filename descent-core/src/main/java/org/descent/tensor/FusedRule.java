package org.descent.tensor;

import java.util.function.Supplier;

/**
 * The backward pass of a fused node, an operation whose gradient is computed directly (in one
 * loop or on the kernels) rather than as a chain of recorded tensor operations: the one interface
 * a fast layer or loss implements, recorded with {@link Tensor#recordedFrom(String, FusedRule,
 * Tensor...)}. It has two halves, and the backward pass, not the rule, picks one:
 * <ul>
 * <li>{@link #backward}: the fast gradient, when no second derivative is wanted (the plain
 * {@code backward()}). It may write into the storage {@link GradientStorage} offers for each
 * input, and returns one gradient per input ({@code null} where none is needed).
 * <li>{@link #reference}: the node's output computed again from tensor operations on its inputs,
 * which the backward pass differentiates instead when it records a graph
 * ({@code createGraph}: Hessians), so higher derivatives stay exact.
 * </ul>
 * A node whose tensors live in a {@link Workspace} returns its {@link #lease()}: the backward
 * pass refuses a graph whose lease a later forward pass has taken, and gives the lease back
 * after the fast half (the reference half keeps it, as the recorded gradient graph may still
 * read the storage). A node may lend storage for the gradient at its own output
 * ({@link #outputGradientStorage()}): the rule that computes that gradient writes into it.
 */
public interface FusedRule {

    /** The node's output from tensor operations on its inputs (recorded: the backward pass records). */
    Tensor reference();

    /** dLoss/dInput for each input, given {@code gradOutput} = dLoss/dOutput; no graph is recorded. */
    Tensor[] backward(Tensor gradOutput, GradientStorage storage);

    /** The lease on the reused storage this node's graph refers to; {@link Workspace.Lease#NONE} if none. */
    default Workspace.Lease lease() {
        return Workspace.Lease.NONE;
    }

    /**
     * Storage of the output's shape and dtype that this node lends, reused from step to step,
     * for the gradient at its output, or null. Asked at most once per backward pass, and only by
     * the fast half of the rule that computes that gradient; the gradient then reaches only this
     * node's own {@link #backward}, which keeps nothing of it.
     */
    default Tensor outputGradientStorage() {
        return null;
    }

    /** The fast half of a rule, for {@link #of}. */
    @FunctionalInterface
    interface Fast {
        Tensor[] backward(Tensor gradOutput, GradientStorage storage);
    }

    /** A rule from its two halves, with no lease. */
    static FusedRule of(Supplier<Tensor> reference, Fast fast) {
        return of(reference, fast, Workspace.Lease.NONE);
    }

    /** A rule from its two halves and the lease of the storage it reads. */
    static FusedRule of(Supplier<Tensor> reference, Fast fast, Workspace.Lease lease) {
        return new FusedRule() {
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
        };
    }
}
