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
    void sameSeedGivesBitwiseIdenticalWeightsWithOneAndTwoThreads() {
        float[][] one = train(1);
        float[][] two = train(2);
        for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i], two[i], "weight of layer " + i);
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

    private static float[][] train(int threads) {
        Parallelism.setThreads(threads);
        // Batch 256: the first layer's products (256·256·784 multiply-adds) are above the parallel threshold.
        MlpStep step = new MlpStep(new int[] {784, 256, 128, 10}, 256, 0.1, 42);
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
