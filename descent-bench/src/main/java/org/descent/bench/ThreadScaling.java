package org.descent.bench;

import java.util.Arrays;
import java.util.Locale;
import org.descent.DescentException;
import org.descent.tensor.Parallelism;

/**
 * How much more a training step does with THREADS threads than with one ({@code Throughput
 * scaling}): one {@link MlpStep}, warmed up on both, then run for ROUNDS pairs of short periods,
 * one thread and THREADS threads in turn, so that the VM's speed, which drifts by tens of percent
 * over minutes here, moves both sides of each pair alike. Prints the median samples/s of each
 * side and the median of the pairs' ratios.
 */
final class ThreadScaling {
    private ThreadScaling() {
    }

    static void run(int[] sizes, int batch, int threads, double seconds, int rounds) {
        if (threads < 2 || !(seconds > 0) || rounds < 1) {
            throw new DescentException("Throughput scaling compares 1 thread with THREADS >= 2, in ROUNDS >= 1 pairs of"
                    + " SECONDS > 0; got THREADS " + threads + ", SECONDS " + seconds + ", ROUNDS " + rounds);
        }
        MlpStep step = new MlpStep(sizes, batch, 0.1, 1);
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            samplesPerSecond(step, 1, seconds);
            samplesPerSecond(step, threads, seconds);
        }
        double[] one = new double[rounds];
        double[] many = new double[rounds];
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            one[round] = samplesPerSecond(step, 1, seconds);
            many[round] = samplesPerSecond(step, threads, seconds);
            ratios[round] = many[round] / one[round];
        }
        System.out.println(String.format(Locale.ROOT,
                "threads_1=%.1f threads_%d=%.1f ratio_median=%.3f ratio_low=%.3f ratio_high=%.3f (samples/s, medians of %d pairs)",
                median(one), threads, median(many), median(ratios), Arrays.stream(ratios).min().orElse(0),
                Arrays.stream(ratios).max().orElse(0), rounds));
    }

    private static double samplesPerSecond(MlpStep step, int threads, double seconds) {
        Parallelism.setThreads(threads);
        step.step();   // the helper threads start outside the period
        return step.batch() * Throughput.repetitionsPerSecond(step::step, 0, seconds);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
