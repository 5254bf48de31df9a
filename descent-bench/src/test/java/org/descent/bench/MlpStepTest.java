package org.descent.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.tensor.Parallelism;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MlpStepTest {

    @AfterEach
    void singleThread() {
        Parallelism.setThreads(1);
    }

    @Test
    void sameSeedGivesBitwiseIdenticalWeightsWithOneTwoAndThreeThreads() {
        // Batch 256: split into 2 chunks of 128 rows (train.ParallelStep).
        assertSameForEveryThreadCount(false, 0, 256);
        assertSameForEveryThreadCount(false, 0, 201);   // 2 chunks of 100 and 101 rows
        assertSameForEveryThreadCount(false, 0, 600);   // 2 chunks of 300: the products inside above the parallel threshold
    }

    @Test
    void batchNormAndDropoutNetworksAreIdenticalForAnyThreadCountToo() {
        assertSameForEveryThreadCount(true, 0, 256);
        assertSameForEveryThreadCount(false, 0.2, 256);
        assertSameForEveryThreadCount(true, 0.2, 130);
    }

    private static void assertSameForEveryThreadCount(boolean batchNorm, double dropout, int batch) {
        float[][] one = train(1, batchNorm, dropout, batch);
        for (int threads = 2; threads <= 3; threads++) {
            float[][] other = train(threads, batchNorm, dropout, batch);
            for (int i = 0; i < one.length; i++) {
                assertArrayEquals(one[i], other[i], "weight of layer " + i + " with " + threads + " threads, batch " + batch
                        + (batchNorm ? ", batch norm" : "") + (dropout > 0 ? ", dropout" : ""));
            }
        }
    }

    @Test
    void lossDecreasesOnTheFixedBatch() {
        MlpStep step = new MlpStep(new int[] {784, 64, 10}, 32, 0.1, 3);
        double first = step.step();
        double last = first;
        for (int i = 0; i < 20; i++) {
            last = step.step();
        }
        assertTrue(last < first * 0.9, "loss " + first + " -> " + last);
    }

    private static float[][] train(int threads, boolean batchNorm, double dropout, int batch) {
        Parallelism.setThreads(threads);
        MlpStep step = new MlpStep(new int[] {784, 256, 128, 10}, batch, 0.1, 42, batchNorm, dropout);
        for (int i = 0; i < 3; i++) {
            step.step();
        }
        float[][] weights = new float[3][];
        for (int i = 0; i < 3; i++) {
            weights[i] = step.weight(i).floatData().clone();
        }
        return weights;
    }
}
