package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.descent.nn.Parameter;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GradientSumTest {

    private static PartitionGradient part(int partition, int samples, double loss, float[]... sums) {
        return new PartitionGradient(partition, samples, loss, sums, null);
    }

    @Test
    void addsInPartitionOrderWhateverOrderTheResultsArrive() {
        Random random = new Random(3);
        List<PartitionGradient> parts = new ArrayList<>();
        for (int p = 0; p < 16; p++) {
            float[] g = new float[5];
            for (int j = 0; j < g.length; j++) {
                g[j] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6));   // rounding depends on the order
            }
            parts.add(part(p, 1 + random.nextInt(4), random.nextDouble(), g));
        }
        Parameter inOrder = new Parameter(Tensor.zeros(DType.FLOAT64, 5));
        GradientSum.of(parts, 1).setMeanGradients(List.of(inOrder));
        for (int shuffle = 0; shuffle < 10; shuffle++) {
            Collections.shuffle(parts, random);
            Parameter shuffled = new Parameter(Tensor.zeros(DType.FLOAT64, 5));
            GradientSum.of(parts, 1).setMeanGradients(List.of(shuffled));
            assertArrayEquals(inOrder.grad().toDoubleArray(), shuffled.grad().toDoubleArray(), 0.0);
        }
    }

    @Test
    void theMeanIsTheSumOverAllSamplesDividedByTheirCount() {
        GradientSum sum = GradientSum.of(List.of(part(1, 3, 6.0, new float[] {1, -1}, null),
                PartitionGradient.none(0), part(2, 1, 1.5, new float[] {1, 5}, null)), 2);
        assertEquals(4, sum.samples());
        assertEquals(7.5, sum.lossSum(), 0.0);
        Parameter weight = new Parameter(Tensor.zeros(DType.FLOAT32, 1, 2));
        Parameter unused = new Parameter(Tensor.zeros(DType.FLOAT32, 3));
        sum.setMeanGradients(List.of(weight, unused));
        assertEquals(DType.FLOAT32, weight.grad().dtype());
        assertArrayEquals(new double[] {1, 0.5}, weight.grad().toDoubleArray(), 0.0);
        assertNull(unused.grad(), "a parameter no loss depends on keeps no gradient, as after backward()");
    }
}
