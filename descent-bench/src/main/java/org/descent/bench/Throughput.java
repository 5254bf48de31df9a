package org.descent.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.descent.DescentException;
import org.descent.internal.kernel.Kernels;
import org.descent.tensor.Parallelism;

/**
 * The Descent side of {@code bench/compare-pytorch}: runs one configuration for a warm-up
 * period (WARMUP seconds, by default as long as the measurement), then as many repetitions as fit
 * in the measured period, and prints one line.
 *
 * <pre>
 * Throughput mlp 784,256,128,10 BATCH THREADS SECONDS [WARMUP]  →  samples_per_second=…
 * Throughput scaling 784,256,128,10 BATCH THREADS SECONDS ROUNDS →  samples/s with 1 and THREADS threads in
 *     alternating periods of SECONDS, and the median ratio of the ROUNDS pairs
 * Throughput layers 784,256,128,10 BATCH THREADS SECONDS ROUNDS  →  the step time plain, with batch norm, with
 *     dropout 0.2 and with both, measured in turn ROUNDS times (a noisy machine shifts all four alike)
 * Throughput gemm N THREADS SECONDS [WARMUP]                    →  gflops=…
 * Throughput alloc 784,256,128,10 BATCH STEPS                   →  bytes_per_step=… (after STEPS warm-up steps)
 * Throughput trace 784,256,128,10 BATCH THREADS SECONDS         →  one samples/s figure per second from the start
 * Throughput predict 784,256,128,10 ROWS SECONDS                →  p50_us=… p99_us=… of one forward (1 thread, after SECONDS warm-up)
 * </pre>
 *
 * <p>With {@code -Dbench.cpuTime=true} the periods and the latencies are measured in this
 * thread's CPU time instead of wall time (one-thread figures only): on a machine shared with
 * other busy processes the wall clock also counts the time slices this thread waits for a core,
 * the CPU clock only the time it runs (cache contention still shows).
 */
public final class Throughput {
    private static final boolean CPU_TIME = Boolean.getBoolean("bench.cpuTime");
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Throughput() {
    }

    /** Nanoseconds on the chosen clock: wall time, or this thread's CPU time. */
    static long now() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Runs one measurement; a bad argument is one line on stderr and exit status 2, not a stack trace. */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (NumberFormatException e) {
            System.err.println("Throughput: not a number where one is expected (" + e.getMessage() + "), got "
                    + String.join(" ", args));
            System.exit(2);
        } catch (DescentException e) {
            System.err.println("Throughput: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) {
        String mode = args.length > 0 ? args[0] : "";
        if (mode.equals("mlp") && (args.length == 5 || args.length == 6)) {
            Parallelism.setThreads(Integer.parseInt(args[3]));
            MlpStep step = new MlpStep(sizes(args[1]), Integer.parseInt(args[2]), 0.1, 1);
            double rate = step.batch() * repetitionsPerSecond(step::step, warmUp(args, 4), Double.parseDouble(args[4]));
            System.out.println(String.format(Locale.ROOT, "samples_per_second=%.1f", rate));
        } else if (mode.equals("scaling") && args.length == 6) {
            ThreadScaling.run(sizes(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Double.parseDouble(args[4]), Integer.parseInt(args[5]));
        } else if (mode.equals("layers") && args.length == 6) {
            Parallelism.setThreads(Integer.parseInt(args[3]));
            LayerCost.run(sizes(args[1]), Integer.parseInt(args[2]), Double.parseDouble(args[4]), Integer.parseInt(args[5]));
        } else if (mode.equals("trace") && args.length == 5) {
            Parallelism.setThreads(Integer.parseInt(args[3]));
            MlpStep step = new MlpStep(sizes(args[1]), Integer.parseInt(args[2]), 0.1, 1);
            trace(step, Integer.parseInt(args[4]));
        } else if (mode.equals("alloc") && args.length == 4) {
            MlpStep step = new MlpStep(sizes(args[1]), Integer.parseInt(args[2]), 0.1, 1);
            int steps = Integer.parseInt(args[3]);
            System.out.println(String.format(Locale.ROOT, "bytes_per_step=%.0f", bytesPerStep(step, steps)));
        } else if (mode.equals("predict") && args.length == 4) {
            Parallelism.setThreads(1);
            MlpStep step = new MlpStep(sizes(args[1]), Integer.parseInt(args[2]), 0.1, 1);
            System.out.println(latency(step, Double.parseDouble(args[3])));
        } else if (mode.equals("gemm") && (args.length == 4 || args.length == 5)) {
            int n = Integer.parseInt(args[1]);
            Parallelism.setThreads(Integer.parseInt(args[2]));
            float[] a = random(n * n);
            float[] b = random(n * n);
            float[] c = new float[n * n];
            Kernels kernels = Kernels.active();
            double rate = repetitionsPerSecond(() -> kernels.gemm(a, b, c, n, n, n, false, false),
                    warmUp(args, 3), Double.parseDouble(args[3]));
            System.out.println(String.format(Locale.ROOT, "gflops=%.1f", rate * 2.0 * n * n * n / 1e9));
        } else {
            throw new DescentException("usage: Throughput mlp SIZES BATCH THREADS SECONDS [WARMUP] | gemm N THREADS SECONDS [WARMUP]"
                    + " | scaling SIZES BATCH THREADS SECONDS ROUNDS | alloc SIZES BATCH STEPS | trace SIZES BATCH THREADS SECONDS | predict SIZES ROWS SECONDS, got " + String.join(" ", args));
        }
    }

    private static int[] sizes(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** The warm-up in seconds: {@code args[at + 1]} if given, else as long as the measurement, {@code args[at]}. */
    private static double warmUp(String[] args, int at) {
        return Double.parseDouble(args[args.length > at + 1 ? at + 1 : at]);
    }

    /** Prints the samples/s of each second from the first step on: the JIT's warm-up curve. */
    private static void trace(MlpStep step, int seconds) {
        StringBuilder rates = new StringBuilder("samples_per_second_each_second=");
        for (int s = 0; s < seconds; s++) {
            long end = System.nanoTime() + 1_000_000_000L;
            long steps = 0;
            while (System.nanoTime() < end) {
                step.step();
                steps++;
            }
            rates.append(s == 0 ? "" : ",").append(steps * step.batch());
        }
        System.out.println(rates);
    }

    /** Median and 99th percentile of one forward pass, in µs, over SECONDS after as long a warm-up. */
    private static String latency(MlpStep step, double seconds) {
        long warmUpEnd = now() + (long) (seconds * 1e9);
        while (now() < warmUpEnd) {
            step.predict();
        }
        long[] times = new long[1 << 20];
        int count = 0;
        long end = now() + (long) (seconds * 1e9);
        while (count < times.length) {
            long start = now();
            step.predict();
            long now = now();
            times[count++] = now - start;
            if (now >= end) {
                break;
            }
        }
        long[] sorted = Arrays.copyOf(times, count);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50_us=%.1f p99_us=%.1f calls=%d", sorted[count / 2] / 1e3,
                sorted[Math.min(count - 1, (int) (count * 0.99))] / 1e3, count);
    }

    /** Heap bytes this thread allocates per training step, averaged over {@code steps} after as many warm-up steps. */
    private static double bytesPerStep(MlpStep step, int steps) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < steps; i++) {
            step.step();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < steps; i++) {
            step.step();
        }
        return (threads.getCurrentThreadAllocatedBytes() - before) / (double) steps;
    }

    /** Runs of {@code work} per second over {@code seconds} on {@link #now()}'s clock, after {@code warmUpSeconds} of warm-up. */
    static double repetitionsPerSecond(Runnable work, double warmUpSeconds, double seconds) {
        long warmUpEnd = now() + (long) (warmUpSeconds * 1e9);
        while (now() < warmUpEnd) {
            work.run();
        }
        long start = now();
        long end = start + (long) (seconds * 1e9);
        long count = 0;
        long now;
        do {
            work.run();
            count++;
            now = now();
        } while (now < end);
        return count / ((now - start) / 1e9);
    }

    private static float[] random(int size) {
        Random random = new Random(1);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = random.nextFloat();
        }
        return x;
    }
}
