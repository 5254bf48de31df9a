package org.descent.tensor;

import org.descent.internal.kernel.KernelThreads;

/**
 * How many threads the kernels may use (default 1). Work is cut into pieces whose bounds depend
 * only on the shapes, never on this number, and each piece is computed whole by one thread, so
 * results are bitwise identical for any thread count.
 */
public final class Parallelism {
    private Parallelism() {
    }

    /** The number of threads kernels may use. */
    public static int threads() {
        return KernelThreads.threads();
    }

    /** Sets the number of threads kernels may use, from 1 up to 256. */
    public static void setThreads(int count) {
        KernelThreads.setThreads(count);
    }
}
