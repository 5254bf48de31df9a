package org.descent.internal.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A helper thread of {@link KernelThreads}: runs the jobs posted to it one at a time, and between
 * jobs waits as {@link #await} does: it yields its core for {@link #SPIN_NANOS}, then parks.
 */
final class KernelHelper extends Thread {
    /**
     * How long a waiting thread yields before it parks. Waking a parked thread cost its waker
     * 14–18 µs (a system call) and the woken thread 14–80 µs more before it ran, while a training
     * step's jobs (the chunks, the fold of their gradients, the update) follow each other within
     * 100 µs: 784-256-128-10 at batch 128 on 2 threads went from 1.21–1.22× one thread to
     * 1.47–1.50× with this and the update on both threads (AMD EPYC Zen 5, 2026-12-07,
     * docs/PERFORMANCE.md). Yielding rather than spinning leaves the core to another process
     * that shares it: with a busy core, 2 threads stayed as fast as 1 (spinning lost 10 %).
     */
    static final long SPIN_NANOS = 100_000;

    /** Whether a job is posted to it and not yet given back: a job takes only helpers that are not. */
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean parked = new AtomicBoolean();
    private volatile KernelThreads.Job job;
    private volatile boolean retired;

    KernelHelper() {
        super("descent-kernel");
        setDaemon(true);
    }

    /**
     * Returns once {@code ready}: yields for {@link #SPIN_NANOS}, then parks until unparked.
     * {@code parked} tells the waker whether to unpark; the waiter sets it before its last look,
     * so either the waker sees it or the waiter sees what the waker changed.
     */
    static void await(BooleanSupplier ready, AtomicBoolean parked, Object blocker) {
        long deadline = System.nanoTime() + SPIN_NANOS;
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() < deadline) {
                Thread.yield();
            } else {
                parked.set(true);
                if (!ready.getAsBoolean()) {
                    LockSupport.park(blocker);
                }
                parked.set(false);
            }
        }
    }

    /** Takes this helper for a job if it is free. */
    boolean take() {
        return busy.compareAndSet(false, true);
    }

    /** Gives the helper back once its job has no piece left to take. */
    void free() {
        busy.set(false);
    }

    boolean isBusy() {
        return busy.get();
    }

    /** Whether it waits parked (waking it costs more than a short job lasts). */
    boolean isParked() {
        return parked.get();
    }

    /** Hands a job to a helper {@link #take}n for it. */
    void post(KernelThreads.Job posted) {
        job = posted;
        if (parked.get()) {
            LockSupport.unpark(this);
        }
    }

    /**
     * Ends the thread after its current job. A job posted and not started is left to its caller,
     * which takes every piece no helper took.
     */
    void retire() {
        retired = true;
        LockSupport.unpark(this);
    }

    @Override
    public void run() {
        while (true) {
            await(() -> job != null || retired, parked, this);
            if (retired) {
                return;
            }
            KernelThreads.Job current = job;
            job = null;
            current.work(this);
        }
    }
}
