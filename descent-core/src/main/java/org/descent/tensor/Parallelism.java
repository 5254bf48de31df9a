package org.descent.tensor;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;
import org.descent.DescentException;

/**
 * How many threads the kernels may use (default 1). Work is cut into pieces whose bounds depend
 * only on the shapes, never on this number, so results are bitwise identical for any thread
 * count. Threads block while they wait (a {@link ForkJoinPool}); nothing spins.
 */
public final class Parallelism {
    private static volatile int threads = 1;
    private static ForkJoinPool pool;

    private Parallelism() {
    }

    /** The number of threads kernels may use. */
    public static int threads() {
        return threads;
    }

    /** Sets the number of threads kernels may use, from 1 up to 256. */
    public static synchronized void setThreads(int count) {
        if (count < 1 || count > 256) {
            throw new DescentException("thread count must be between 1 and 256, got " + count);
        }
        if (count != threads && pool != null) {
            pool.shutdown();
            pool = null;
        }
        threads = count;
    }

    private static synchronized ForkJoinPool pool() {
        if (pool == null) {
            pool = new ForkJoinPool(threads);
        }
        return pool;
    }

    /** Runs {@code body} for every index in 0..count-1, spread over the threads; returns when all are done. */
    static void forEach(int count, IntConsumer body) {
        if (threads == 1 || count == 1) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
            return;
        }
        pool().invoke(new Range(body, 0, count));
    }

    private static final class Range extends RecursiveAction {
        private final transient IntConsumer body;
        private final int from;
        private final int to;

        Range(IntConsumer body, int from, int to) {
            this.body = body;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                body.accept(from);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Range(body, from, mid), new Range(body, mid, to));
        }
    }
}
