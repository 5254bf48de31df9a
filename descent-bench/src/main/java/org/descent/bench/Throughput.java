package org.descent.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.descent.DescentException;
import org.descent.tensor.Kernels;
import org.descent.tensor.Parallelism;

/**
 * The Descent side of {@code bench/compare-pytorch}: runs one configuration for a warm-up
 * period, then as many repetitions as fit in the measured period, and prints one line.
 *
 * <pre>
 * Throughput mlp 784,256,128,10 BATCH THREADS SECONDS   →  samples_per_second=…
 * Throughput gemm N THREADS SECONDS                     →  gflops=…
 * Throughput alloc 784,256,128,10 BATCH STEPS           →  bytes_per_step=… (after STEPS warm-up steps)
 * </pre>
 */
public final class Throughput {
    private Throughput() {
    }

    public static void main(String[] args) {
        if (args.length == 5 && args[0].equals("mlp")) {
            int[] sizes = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
            Parallelism.setThreads(Integer.parseInt(args[3]));
            MlpStep step = new MlpStep(sizes, Integer.parseInt(args[2]), 0.1, 1);
            double seconds = Double.parseDouble(args[4]);
            double rate = step.batch() * repetitionsPerSecond(step::step, seconds);
            System.out.println(String.format(Locale.ROOT, "samples_per_second=%.1f", rate));
        } else if (args.length == 4 && args[0].equals("alloc")) {
            int[] sizes = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
            MlpStep step = new MlpStep(sizes, Integer.parseInt(args[2]), 0.1, 1);
            int steps = Integer.parseInt(args[3]);
            System.out.println(String.format(Locale.ROOT, "bytes_per_step=%.0f", bytesPerStep(step, steps)));
        } else if (args.length == 4 && args[0].equals("gemm")) {
            int n = Integer.parseInt(args[1]);
            Parallelism.setThreads(Integer.parseInt(args[2]));
            float[] a = random(n * n);
            float[] b = random(n * n);
            float[] c = new float[n * n];
            Kernels kernels = Kernels.active();
            double rate = repetitionsPerSecond(() -> kernels.gemm(a, b, c, n, n, n, false, false),
                    Double.parseDouble(args[3]));
            System.out.println(String.format(Locale.ROOT, "gflops=%.1f", rate * 2.0 * n * n * n / 1e9));
        } else {
            throw new DescentException("usage: Throughput mlp SIZES BATCH THREADS SECONDS | gemm N THREADS SECONDS | alloc SIZES BATCH STEPS, got "
                    + String.join(" ", args));
        }
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

    private static double repetitionsPerSecond(Runnable work, double seconds) {
        long warmUpEnd = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            work.run();
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long count = 0;
        long now;
        do {
            work.run();
            count++;
            now = System.nanoTime();
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
