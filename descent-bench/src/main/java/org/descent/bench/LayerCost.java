package org.descent.bench;

import java.util.Locale;

/**
 * What batch normalization and dropout add to a training step ({@code Throughput layers}): four
 * {@link MlpStep}s (plain, batch norm before each hidden ReLU, dropout 0.2 after it, both) run in
 * turn, each for a warm-up and a measured period per round, so that a change of machine load
 * moves all four alike; the best round of each is reported, with its cost relative to plain.
 * With {@code -Dbench.cpuTime=true} the periods are this thread's CPU time (run it with 1 thread).
 */
final class LayerCost {
    private LayerCost() {
    }

    static void run(int[] sizes, int batch, double seconds, int rounds) {
        String[] names = {"plain", "batch_norm", "dropout", "batch_norm+dropout"};
        MlpStep[] steps = {new MlpStep(sizes, batch, 0.1, 1), new MlpStep(sizes, batch, 0.1, 1, true, 0),
            new MlpStep(sizes, batch, 0.1, 1, false, 0.2), new MlpStep(sizes, batch, 0.1, 1, true, 0.2)};
        double[] best = new double[steps.length];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < steps.length; i++) {
                double stepsPerSecond = Throughput.repetitionsPerSecond(steps[i]::step, seconds / 2, seconds);
                best[i] = Math.min(best[i], 1 / stepsPerSecond);
            }
        }
        for (int i = 0; i < steps.length; i++) {
            System.out.println(String.format(Locale.ROOT, "%-19s %8.3f ms/step  %+6.1f %%", names[i], best[i] * 1e3,
                    100 * (best[i] / best[0] - 1)));
        }
    }
}
