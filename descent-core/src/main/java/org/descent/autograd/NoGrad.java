package org.descent.autograd;

/**
 * A scope in which operations record no graph, like PyTorch's {@code torch.no_grad()}:
 * <pre>{@code try (var scope = NoGrad.enter()) { ... } }</pre>
 * Scopes nest and are per thread.
 */
public final class NoGrad extends ThreadScope {
    private static final ThreadLocal<int[]> DEPTH = depthCounter();

    private NoGrad() {
        super(DEPTH);
    }

    public static NoGrad enter() {
        return new NoGrad();
    }

    /** True while inside at least one scope on this thread. */
    public static boolean active() {
        return active(DEPTH);
    }
}
