package org.descent.autograd;

/**
 * What {@link NoGrad} and {@link OutputReuse} share: a scope that is per thread, nests, and is
 * open on a thread while at least one of its kind is. Closing twice closes once.
 */
abstract class ThreadScope implements AutoCloseable {
    private final ThreadLocal<int[]> depth;
    private boolean closed;

    ThreadScope(ThreadLocal<int[]> depth) {
        this.depth = depth;
        depth.get()[0]++;
    }

    /** A depth counter for one kind of scope. */
    static ThreadLocal<int[]> depthCounter() {
        return ThreadLocal.withInitial(() -> new int[1]);
    }

    /** True while at least one scope counted by {@code depth} is open on this thread. */
    static boolean active(ThreadLocal<int[]> depth) {
        return depth.get()[0] > 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            depth.get()[0]--;
        }
    }
}
