package org.descent.autograd;

/**
 * A scope in which operations record no graph, like PyTorch's {@code torch.no_grad()}:
 * <pre>{@code try (var scope = NoGrad.enter()) { ... } }</pre>
 * Scopes nest and are per thread.
 */
public final class NoGrad implements AutoCloseable {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private boolean closed;

    private NoGrad() {
        DEPTH.get()[0]++;
    }

    public static NoGrad enter() {
        return new NoGrad();
    }

    /** True while inside at least one scope on this thread. */
    public static boolean active() {
        return DEPTH.get()[0] > 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            DEPTH.get()[0]--;
        }
    }
}
