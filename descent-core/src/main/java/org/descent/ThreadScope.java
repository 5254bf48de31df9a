package org.descent;

/**
 * A scope that is open on one thread until closed, nestable: what {@code autograd.OutputReuse} and
 * {@code nn.EvalMode} are. A subclass passes its own per-thread counter; {@link #active} tells
 * whether at least one scope of that kind is open on the calling thread.
 */
public abstract class ThreadScope implements AutoCloseable {
    private final ThreadLocal<int[]> depth;
    private boolean closed;

    /** Opens a scope counted in {@code depth} (made by {@link #counter()}). */
    protected ThreadScope(ThreadLocal<int[]> depth) {
        this.depth = depth;
        depth.get()[0]++;
    }

    /** A new per-thread counter of open scopes, one per kind of scope. */
    protected static ThreadLocal<int[]> counter() {
        return ThreadLocal.withInitial(() -> new int[1]);
    }

    /** True while at least one scope counted in {@code depth} is open on this thread. */
    protected static boolean active(ThreadLocal<int[]> depth) {
        return depth.get()[0] > 0;
    }

    /** Closes the scope; closing twice closes once. */
    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            depth.get()[0]--;
        }
    }
}
