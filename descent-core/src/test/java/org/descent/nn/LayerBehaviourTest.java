package org.descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.Parallelism;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Train/eval behaviour, determinism and argument checks of Dropout, BatchNorm1d and LayerNorm. */
class LayerBehaviourTest {

    private static Tensor input(int n, int c, long seed) {
        return Tensor.randn(new Random(seed), DType.FLOAT32, n, c).mul(3.0).add(1.0);
    }

    @Test
    void dropoutIsTheIdentityInEvalAndAtZero() {
        Dropout dropout = new Dropout(0.5, 1);
        Tensor x = input(4, 5, 1);
        dropout.eval();
        assertSame(x, dropout.forward(x));
        assertEquals(0, dropout.calls(), "eval draws no mask");
        assertSame(x, new Dropout(0, 1).forward(x));
    }

    @Test
    void dropoutZeroesAboutPAndScalesTheRestBy1OverOneMinusP() {
        double p = 0.3;
        Dropout dropout = new Dropout(p, 7);
        Tensor x = Tensor.ones(DType.FLOAT32, 500, 200);
        float[] y = dropout.forward(x).floatData();
        long zeros = 0;
        for (float v : y) {
            if (v == 0) {
                zeros++;
            } else {
                assertEquals((float) (1 / (1 - p)), v, "a kept value is scaled by 1/(1 − p)");
            }
        }
        double sd = Math.sqrt(y.length * p * (1 - p));
        assertEquals(p * y.length, zeros, 5 * sd, "about p of the elements are zeroed");
        assertEquals(1, dropout.calls());
        float[] again = dropout.forward(x).floatData();
        assertFalse(Arrays.equals(y, again), "each training call draws a new mask");
    }

    @Test
    void theMaskDependsOnTheSeedAndTheCallOnlyNotOnThreads() {
        Tensor x = input(256, 300, 2);
        int threads = Parallelism.threads();
        try {
            Parallelism.setThreads(1);
            float[] one = new Dropout(0.5, 3).forward(x).floatData();
            Parallelism.setThreads(2);
            float[] two = new Dropout(0.5, 3).forward(x).floatData();
            assertArrayEquals(one, two);
        } finally {
            Parallelism.setThreads(threads);
        }
        Dropout first = new Dropout(0.5, 3);
        first.forward(x);
        first.forward(x);
        Dropout copy = new Dropout(0.5, 99);
        copy.loadState(first.state(), "state");
        assertEquals(2, copy.calls());
        assertArrayEquals(first.forward(x).floatData(), copy.forward(x).floatData(), "the loaded rng draws the same mask");
        assertFalse(Arrays.equals(new Dropout(0.5, 4).forward(x).floatData(), new Dropout(0.5, 3).forward(x).floatData()));
    }

    @Test
    void reusedMaskStorageNeverMixesTwoGraphs() {
        Dropout dropout = new Dropout(0.5, 11);
        Tensor x = Tensor.ones(DType.FLOAT32, 16, 32).requiresGrad(true);
        for (int step = 0; step < 3; step++) {
            Tensor first = dropout.forward(x);    // takes the reused storage
            Tensor second = dropout.forward(x);   // while the first graph is alive: new storage
            assertFalse(Arrays.equals(first.floatData(), second.floatData()));
            for (Tensor y : new Tensor[] {second, first}) {
                Tensor dX = org.descent.autograd.Backprop.gradients(y.sum(), Tensor.scalar(1.0, DType.FLOAT32),
                        java.util.List.of(x), false)[0];
                assertArrayEquals(y.floatData(), dX.floatData(), "the gradient is this graph's mask (x = 1), step " + step);
            }
        }
    }

    @Test
    void batchNormUsesRunningStatisticsInEval() {
        BatchNorm1d bn = new BatchNorm1d(3, 1e-5, 0.5);
        bn.weight().set(Tensor.of(new float[] {2, 1, 0.5f}, 3), "weight");
        bn.bias().set(Tensor.of(new float[] {0, 1, -1}, 3), "bias");
        Tensor x = Tensor.of(new float[] {1, 2, 3, 3, 6, 9}, 2, 3);
        Tensor y = bn.forward(x);
        assertEquals(-2 / Math.sqrt(1 + 1e-5), y.get(0), 1e-6, "training: the batch's own statistics");
        // running mean = 0.5·0 + 0.5·(2, 4, 6); running var = 0.5·1 + 0.5·(2, 8, 18) (unbiased)
        assertArrayEquals(new float[] {1, 2, 3}, bn.runningMean().value().floatData());
        assertArrayEquals(new float[] {1.5f, 4.5f, 9.5f}, bn.runningVar().value().floatData());
        bn.eval();
        Tensor one = Tensor.of(new float[] {4, 2, 3}, 1, 3);
        Tensor ye = bn.forward(one);
        assertEquals(2 * (4 - 1) / Math.sqrt(1.5 + 1e-5), ye.get(0), 1e-5);
        assertEquals(1 + 0, ye.get(1), 1e-6);
        assertEquals(-1, ye.get(2), 1e-6);
        assertArrayEquals(new float[] {1, 2, 3}, bn.runningMean().value().floatData(), "eval leaves the statistics");
        assertEquals(1, bn.batchesTracked().value().get(0));
    }

    @Test
    void aTrainingBatchOfOneIsAClearError() {
        BatchNorm1d bn = new BatchNorm1d(3);
        String message = assertThrows(DescentException.class, () -> bn.forward(input(1, 3, 3))).getMessage();
        assertTrue(message.startsWith("BatchNorm1d(features=3, eps=1.0E-5, momentum=0.1): a training batch of 1 sample "
                + "has no variance"), message);
        assertEquals(0, bn.batchesTracked().value().get(0), "nothing was updated");
    }

    @Test
    void layerNormNormalizesEachRowTheSameInTrainAndEval() {
        LayerNorm ln = new LayerNorm(4);
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 10, 10, 10, 14}, 2, 4);
        Tensor y = ln.forward(x);
        double sd = Math.sqrt(1.25 + 1e-5);
        assertEquals(-1.5 / sd, y.get(0), 1e-6);
        assertEquals(-1 / Math.sqrt(3 + 1e-5), y.get(4), 1e-6);
        ln.eval();
        assertArrayEquals(y.floatData(), ln.forward(x).floatData());
    }

    @Test
    void aWrongWidthNamesTheLayerAndBothShapes() {
        String message = assertThrows(ShapeException.class, () -> new BatchNorm1d(16).forward(input(4, 15, 1))).getMessage();
        assertEquals("BatchNorm1d(features=16, eps=1.0E-5, momentum=0.1): input of shape [4, 15] does not fit weight of "
                + "shape [16]; expected (N, 16)", message);
        message = assertThrows(ShapeException.class,
                () -> new Sequential(new Linear(4, 8, new Random(1)), new LayerNorm(7))).getMessage();
        assertEquals("layer layers.1: LayerNorm(features=7, eps=1.0E-5) expects 7 input features but gets 8 "
                + "(input shape (N, 8), weight shape [7])", message);
    }

    @Test
    void badArgumentsAreOneClearLine() {
        assertEquals("Dropout: p must be in [0, 1), got 1.5",
                assertThrows(DescentException.class, () -> new Dropout(1.5, 1)).getMessage());
        assertEquals("Dropout: p must be in [0, 1), got 1.0",
                assertThrows(DescentException.class, () -> new Dropout(1.0, 1)).getMessage());
        assertEquals("Dropout: p must be in [0, 1), got -0.1",
                assertThrows(DescentException.class, () -> new Dropout(-0.1, 1)).getMessage());
        assertEquals("BatchNorm1d: eps must be positive, got 0.0",
                assertThrows(DescentException.class, () -> new BatchNorm1d(3, 0, 0.1)).getMessage());
        assertEquals("BatchNorm1d: momentum must be in [0, 1], got 1.5",
                assertThrows(DescentException.class, () -> new BatchNorm1d(3, 1e-5, 1.5)).getMessage());
        assertEquals("LayerNorm: eps must be positive, got -1.0",
                assertThrows(DescentException.class, () -> new LayerNorm(3, -1)).getMessage());
        String message = assertThrows(DescentException.class, () -> LayerRegistry.layout(
                new LayerSpec("dropout", LayerArguments.of("p", 2.0)), 5)).getMessage();
        assertEquals("Dropout: p must be in [0, 1), got 2.0", message);
        message = assertThrows(DescentException.class,
                () -> new LayerSpec("batch_norm", LayerArguments.of("eps", 1e-5, "affine", false))).getMessage();
        assertEquals("layer kind 'batch_norm' takes the arguments [eps, momentum]; 'affine' is not one of them", message);
    }
}
