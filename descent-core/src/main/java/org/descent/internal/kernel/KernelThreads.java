package org.descent.internal.kernel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.descent.DescentException;

/**
 * How many threads the kernels may use (default 1; users set it through
 * {@code org.descent.tensor.Parallelism}). Work is cut into pieces whose bounds depend
 * only on the shapes, never on this number, and each piece is computed whole by one thread, so
 * results are bitwise identical for any thread count.
 *
 * <p>The calling thread works too: it and up to {@code threads − 1} helper threads take the
 * pieces one at a time from a shared counter. A helper that gets a core late finds the pieces
 * taken and leaves, so a busy core slows a product down at most to the one-thread speed instead
 * of stalling it. Idle threads block (helpers on their queue, the caller parked until the last
 * piece it waits for is done); nothing spins. A job asks only for the helpers that are free: a
 * job inside a piece of another (a product inside one chunk of a batch) while every helper works
 * on the outer job runs on its caller alone. Posting it anyway made each helper work through a
 * queue of stale jobs before the next real one: 784-256-128-10 at batch 128 on 2 threads ran its
 * chunks in 610–670 µs instead of 480–500, and a step's update in 100–117 µs instead of 37–41
 * (AMD EPYC Zen 5, 2026-12-07; docs/PERFORMANCE.md).
 */
public final class KernelThreads {
    private static volatile int threads = 1;
    private static ExecutorService helpers;
    /** Helper tasks posted and not yet finished: the helpers that are not free. */
    private static final AtomicInteger taken = new AtomicInteger();

    private KernelThreads() {
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
        if (count != threads && helpers != null) {
            helpers.shutdown();
            helpers = null;
        }
        threads = count;
    }

    private static synchronized ExecutorService helpers() {
        if (helpers == null) {
            helpers = Executors.newFixedThreadPool(threads - 1, runnable -> {
                Thread thread = new Thread(runnable, "descent-kernel");
                thread.setDaemon(true);
                return thread;
            });
        }
        return helpers;
    }

    /** Runs {@code body} for every index in 0..count-1, spread over the threads; returns when all are done. */
    public static void forEach(int count, IntConsumer body) {
        int n = threads;
        int posted = n == 1 || count == 1 ? 0 : takeHelpers(Math.min(n, count) - 1, n - 1);
        if (posted == 0) {
            inline(count, body);
            return;
        }
        Job job = new Job(count, body, Thread.currentThread());
        ExecutorService pool = helpers();
        for (int h = 0; h < posted; h++) {
            pool.execute(() -> {
                try {
                    job.work();
                } finally {
                    taken.decrementAndGet();
                }
            });
        }
        job.work();
        while (job.done.get() < count) {
            LockSupport.park(job);
        }
        Throwable failure = job.failure.get();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure != null) {
            throw new DescentException("a kernel thread failed: " + failure, failure);
        }
    }

    /**
     * Every piece on the calling thread, as the helpers would run them: a piece that throws does
     * not stop the others, and the first exception is thrown once all are done. (It used to stop
     * at the failing piece, so whether the later pieces ran depended on whether a helper was free.)
     */
    private static void inline(int count, IntConsumer body) {
        RuntimeException failure = null;
        for (int i = 0; i < count; i++) {
            try {
                body.accept(i);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Helper tasks posted and not yet finished (for tests). */
    static int helpersTaken() {
        return taken.get();
    }

    /** Takes up to {@code wanted} of the {@code helpers} that are free; returns how many it took. */
    private static int takeHelpers(int wanted, int helpers) {
        while (true) {
            int busy = taken.get();
            int free = Math.min(wanted, helpers - busy);
            if (free <= 0) {
                return 0;
            }
            if (taken.compareAndSet(busy, busy + free)) {
                return free;
            }
        }
    }

    /** Pieces handed out by a counter; the caller is unparked when the last one is done. */
    private static final class Job {
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final int count;
        final IntConsumer body;
        final Thread caller;

        Job(int count, IntConsumer body, Thread caller) {
            this.count = count;
            this.body = body;
            this.caller = caller;
        }

        void work() {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    body.accept(i);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
                if (done.incrementAndGet() == count) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }
}
