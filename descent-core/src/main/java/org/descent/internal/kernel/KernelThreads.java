package org.descent.internal.kernel;

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
 * of stalling it. A helper waits for the next job spinning for {@link #SPIN_NANOS}, then
 * parked; the caller likewise for the pieces the helpers hold. Waking a parked thread costs tens
 * of microseconds on a VM (the idle virtual CPU has halted), about a tenth of a training step
 * at batch 128, and a step posts its next job sooner than that.
 */
public final class KernelThreads {
    /** How long an idle thread spins before it parks: longer than the gap between a step's jobs. */
    static final long SPIN_NANOS = 200_000;
    private static volatile int threads = 1;
    private static Crew crew;

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
        if (count != threads && crew != null) {
            crew.stop();
            crew = null;
        }
        threads = count;
    }

    private static synchronized Crew crew() {
        if (crew == null) {
            crew = new Crew(threads - 1);
        }
        return crew;
    }

    /** Runs {@code body} for every index in 0..count-1, spread over the threads; returns when all are done. */
    public static void forEach(int count, IntConsumer body) {
        int n = threads;
        if (n == 1 || count == 1) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
            return;
        }
        Job job = new Job(count, body, Thread.currentThread());
        crew().post(job);
        job.work();
        long spinEnd = System.nanoTime() + SPIN_NANOS;
        while (job.done.get() < count && System.nanoTime() < spinEnd) {
            Thread.onSpinWait();
        }
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
     * The helper threads: each works on the job posted last, then waits for another. A job posted
     * while the helpers are busy may be replaced by a later one before they look; its caller then
     * computes its pieces alone, as with a busy core.
     */
    private static final class Crew {
        private final Thread[] helpers;
        private volatile Job posted;
        private volatile boolean stopped;

        Crew(int count) {
            helpers = new Thread[count];
            for (int h = 0; h < count; h++) {
                helpers[h] = new Thread(this::serve, "descent-kernel");
                helpers[h].setDaemon(true);
                helpers[h].start();
            }
        }

        void post(Job job) {
            posted = job;
            for (Thread helper : helpers) {
                LockSupport.unpark(helper);
            }
        }

        void stop() {
            stopped = true;
            for (Thread helper : helpers) {
                LockSupport.unpark(helper);
            }
        }

        private void serve() {
            Job last = null;
            while (!stopped) {
                Job job = posted;
                if (job != last) {
                    last = job;
                    job.work();
                    continue;
                }
                long spinEnd = System.nanoTime() + SPIN_NANOS;
                while (posted == last && !stopped && System.nanoTime() < spinEnd) {
                    Thread.onSpinWait();
                }
                if (posted == last && !stopped) {
                    LockSupport.park(this);
                }
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
