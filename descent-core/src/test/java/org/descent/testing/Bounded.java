package org.descent.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import org.descent.DescentException;

/**
 * The hostile-input contract, for tests and fuzz targets: the code under test returns or throws
 * a {@link DescentException}; any other throwable, more than {@link #CPU_LIMIT_NANOS} of CPU time
 * on this thread, or more allocation than {@link #allowance(long)} for an input of that size is a
 * failure. CPU time rather than wall time, so a loaded machine does not fail the test; an input
 * over a limit is run a second time and judged by that run, so that loading a class on first use
 * is not counted against it.
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

    /**
     * The size an input counts for in {@link #allowance}: its length, or for gzip data (magic
     * 1f 8b) the length it decompresses to if that is larger, since a gzip file of 4 KB may hold
     * 4 MB of rows and Descent reads what it holds. Decompression stops at 64 MB.
     */
    public static long inputSize(byte[] input) {
        if (input.length < 2 || (input[0] & 0xff) != 0x1f || (input[1] & 0xff) != 0x8b) {
            return input.length;
        }
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(input))) {
            for (int n; total < SMALL_ALLOWANCE && (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // a corrupt stream counts for what it yielded
        }
        return Math.max(input.length, total);
    }

    /** What the code does with the input. */
    @FunctionalInterface
    public interface Parse {
        void run() throws Exception;
    }

    /** Runs {@code code} once outside any measurement, so that class loading is not counted against an input. */
    public static void warmUp(Runnable code) {
        warming = true;
        try {
            code.run();
        } finally {
            warming = false;
        }
    }

    private static boolean warming;

    /**
     * Runs {@code parse} on an input of {@code inputBytes} and checks the contract; returns the
     * {@link DescentException} it threw, or null if it parsed.
     */
    public static DescentException check(long inputBytes, Parse parse) {
        Measured first = measure(parse);
        if (warming) {
            return first.refused;
        }
        Measured measured = first;
        if (first.allocated > allowance(inputBytes) || first.cpu > CPU_LIMIT_NANOS) {
            // Loading (and, under Jazzer, instrumenting) a class on first use allocates on this
            // thread too; a parser is deterministic, so a second run measures the input alone.
            measured = measure(parse);
        }
        if (measured.allocated > allowance(inputBytes)) {
            fail("allocated " + measured.allocated + " bytes for an input of " + inputBytes + " bytes (allowed "
                    + allowance(inputBytes) + ")" + (measured.refused == null ? "" : ", then: " + shortened(measured.refused.getMessage())));
        }
        if (measured.cpu > CPU_LIMIT_NANOS) {
            fail("took " + measured.cpu / 1_000_000 + " ms of CPU time for an input of " + inputBytes + " bytes");
        }
        return measured.refused;
    }

    private record Measured(long allocated, long cpu, DescentException refused) {
    }

    private static Measured measure(Parse parse) {
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
        return new Measured(THREADS.getThreadAllocatedBytes(thread) - allocatedBefore,
                THREADS.getCurrentThreadCpuTime() - cpuBefore, refused);
    }

    private static String shortened(String message) {
        return message.length() <= 300 ? message : message.substring(0, 300) + "…";
    }

    /** As {@link #check}, and the input must be refused with a message containing each of {@code parts}. */
    public static DescentException refused(long inputBytes, Parse parse, String... parts) {
        DescentException e = check(inputBytes, parse);
        if (e == null) {
            fail("accepted; expected a DescentException");
        }
        for (String part : parts) {
            if (!e.getMessage().contains(part)) {
                fail("message '" + shortened(e.getMessage()) + "' lacks '" + part + "'");
            }
        }
        return e;
    }
}
