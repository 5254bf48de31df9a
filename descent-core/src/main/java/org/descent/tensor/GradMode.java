package org.descent.tensor;

/**
 * Whether operations on this thread record a graph: the switch behind
 * {@code org.descent.autograd.NoGrad}, which is what user code opens. Kept beside {@link Tensor}
 * so that recording needs nothing outside this package. Scopes nest and are per thread.
 */
public final class GradMode {
    private static final ThreadLocal<int[]> OFF_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private GradMode() {
    }

    /** True unless at least one {@link Off} scope is open on this thread. */
    public static boolean enabled() {
        return OFF_DEPTH.get()[0] == 0;
    }

    /** Opens a scope in which nothing is recorded, until it is closed. */
    public static Off off() {
        return new Off();
    }

    /** An open no-recording scope; closing it twice closes it once. */
    public static final class Off implements AutoCloseable {
        private boolean closed;

        private Off() {
            OFF_DEPTH.get()[0]++;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                OFF_DEPTH.get()[0]--;
            }
        }
    }
}
