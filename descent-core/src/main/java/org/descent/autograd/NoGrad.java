package org.descent.autograd;

import org.descent.tensor.GradMode;

/**
 * A scope in which operations record no graph, like PyTorch's {@code torch.no_grad()}:
 * <pre>{@code try (var scope = NoGrad.enter()) { ... } }</pre>
 * Scopes nest and are per thread. (The switch itself is {@link GradMode}, beside the tensors
 * that read it.) Backward rules never consult it: the backward pass tells a fused node
 * explicitly whether a second derivative is wanted.
 */
public final class NoGrad implements AutoCloseable {
    private final GradMode.Off off = GradMode.off();

    private NoGrad() {
    }

    public static NoGrad enter() {
        return new NoGrad();
    }

    /** True while inside at least one scope on this thread. */
    public static boolean active() {
        return !GradMode.enabled();
    }

    @Override
    public void close() {
        off.close();
    }
}
