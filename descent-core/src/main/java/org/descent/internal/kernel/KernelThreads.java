package org.descent.internal.kernel;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.descent.DescentException;

/**
 * How many threads the kernels may use (default 1; users set it through
 * {@code org.descent.tensor.Parallelism}). Work is cut into pieces whose bounds depend
 * only on the shapes, never on this number, and each piece is computed whole by one thread, so
 * results are bitwise identical for any thread count.
 *
 * <p>The calling thread works too: it and up to {@code threads − 1} helper threads
 * ({@link KernelHelper}) take the pieces one at a time from a shared counter. A helper that gets
 * a core late finds the pieces taken and leaves, so a busy core slows a product down at most to
 * the one-thread speed instead of stalling it. A waiting thread (a helper between jobs, the
 * caller until the last piece is done) yields its core for up to 100 µs and then parks, since
 * waking a parked thread costs more than the gaps between a training step's jobs (see
 * {@link KernelHelper}). A job asks only for the helpers that are free: a
 * job inside a piece of another (a product inside one chunk of a batch) while every helper works
 * on the outer job runs on its caller alone. Posting it anyway made each helper work through a
 * queue of stale jobs before the next real one: 784-256-128-10 at batch 128 on 2 threads ran its
 * chunks in 610–670 µs instead of 480–500, and a step's update in 100–117 µs instead of 37–41
 * (AMD EPYC Zen 5, 2026-12-07; docs/PERFORMANCE.md).
 */
public final class KernelThreads {
    private static volatile int threads = 1;
    private static KernelHelper[] helpers = new KernelHelper[0];

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
        if (count != threads) {
            for (KernelHelper helper : helpers) {
                helper.retire();
            }
            helpers = new KernelHelper[0];
        }
        threads = count;
    }

    private static synchronized KernelHelper[] helpers() {
        if (helpers.length != threads - 1) {
            helpers = new KernelHelper[threads - 1];
            for (int h = 0; h < helpers.length; h++) {
                helpers[h] = new KernelHelper();
                helpers[h].start();
            }
        }
        return helpers;
    }

    /** Runs {@code body} for every index in 0..count-1, spread over the threads; returns when all are done. */
    public static void forEach(int count, IntConsumer body) {
        forEach(count, body, false);
    }

    /**
     * As {@link #forEach(int, IntConsumer)}, for a job of a few tens of microseconds (an
     * optimizer's update, say): only helpers still awake from their last job take part, since
     * waking a parked one costs more than such a job lasts.
     */
    public static void forEachShort(int count, IntConsumer body) {
        forEach(count, body, true);
    }

    private static void forEach(int count, IntConsumer body, boolean awakeOnly) {
        int n = threads;
        if (n == 1 || count == 1) {
            inline(count, body);
            return;
        }
        Job job = new Job(count, body, Thread.currentThread());
        int posted = 0;
        for (KernelHelper helper : helpers()) {
            if (posted + 1 < Math.min(n, count) && !(awakeOnly && helper.isParked()) && helper.take()) {
                helper.post(job);
                posted++;
            }
        }
        if (posted == 0) {
            inline(count, body);
            return;
        }
        job.work(null);
        job.awaitDone();
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

    /** Helpers that hold a job (for tests). */
    static int helpersTaken() {
        return count(KernelHelper::isBusy);
    }

    /** Helpers that wait parked (for tests). */
    static int helpersParked() {
        return count(KernelHelper::isParked);
    }

    private static int count(Predicate<KernelHelper> state) {
        return (int) Arrays.stream(helpers).filter(state).count();
    }

    /** Pieces handed out by a counter; the caller waits until the last one is done. */
    static final class Job {
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final AtomicBoolean callerParked = new AtomicBoolean();
        final int count;
        final IntConsumer body;
        final Thread caller;

        Job(int count, IntConsumer body, Thread caller) {
            this.count = count;
            this.body = body;
            this.caller = caller;
        }

        /**
         * Takes pieces until none is left ({@code helper} null on the caller). A helper is free again as soon as no piece is left to
         * take, before its last piece counts as done: the caller, woken by that count, may post
         * its next job at once, and must find the helper free.
         */
        void work(KernelHelper helper) {
            boolean free = helper == null;
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    body.accept(i);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
                if (!free && next.get() >= count) {
                    helper.free();
                    free = true;
                }
                if (done.incrementAndGet() == count && callerParked.get()) {
                    LockSupport.unpark(caller);
                }
            }
            if (!free) {
                helper.free();
            }
        }

        void awaitDone() {
            KernelHelper.await(() -> done.get() >= count, callerParked, this);
        }
    }
}
