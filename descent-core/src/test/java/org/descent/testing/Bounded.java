package org.descent.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import org.descent.DescentException;

/**
 * The hostile-input contract, for tests and fuzz targets: the code under test returns or throws
 * a {@link DescentException}; any other throwable, more than {@link #CPU_LIMIT_NANOS} of CPU time
 * on this thread, or more allocation than {@link #allowance(long)} for an input of that size is a
 * failure. CPU time rather than wall time, so a loaded machine does not fail the test.
 */
public final class Bounded {
    /** 2 s of CPU time on the calling thread. */
    public static final long CPU_LIMIT_NANOS = 2_000_000_000L;
    /** Anything may allocate this much, whatever its input. */
    public static final long SMALL_ALLOWANCE = 64L << 20;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Bounded() {
    }

    /** The rule for sizes: nothing above 64 MB unless the input is at least 1/1000 of that. */
    public static long allowance(long inputBytes) {
        return Math.max(SMALL_ALLOWANCE, 1000 * inputBytes);
    }

    /** What the code does with the input. */
    @FunctionalInterface
    public interface Parse {
        void run() throws Exception;
    }

    /**
     * Runs {@code parse} on an input of {@code inputBytes} and checks the contract; returns the
     * {@link DescentException} it threw, or null if it parsed.
     */
    public static DescentException check(long inputBytes, Parse parse) {
        long thread = Thread.currentThread().getId();
        long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        DescentException refused = null;
        try {
            parse.run();
        } catch (DescentException e) {
            refused = e;
        } catch (Throwable e) {
            throw new AssertionError("not a DescentException: " + e, e);
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        long allocated = THREADS.getThreadAllocatedBytes(thread) - allocatedBefore;
        if (allocated > allowance(inputBytes)) {
            fail("allocated " + allocated + " bytes for an input of " + inputBytes + " bytes (allowed "
                    + allowance(inputBytes) + ")" + (refused == null ? "" : ", then: " + refused.getMessage()));
        }
        if (cpu > CPU_LIMIT_NANOS) {
            fail("took " + cpu / 1_000_000 + " ms of CPU time for an input of " + inputBytes + " bytes");
        }
        return refused;
    }

    /** As {@link #check}, and the input must be refused with a message containing each of {@code parts}. */
    public static DescentException refused(long inputBytes, Parse parse, String... parts) {
        DescentException e = check(inputBytes, parse);
        if (e == null) {
            fail("accepted; expected a DescentException");
        }
        for (String part : parts) {
            if (!e.getMessage().contains(part)) {
                fail("message '" + e.getMessage() + "' lacks '" + part + "'");
            }
        }
        return e;
    }
}
