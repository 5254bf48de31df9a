package org.descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.descent.autograd.OutputReuse;
import org.descent.data.Split;
import org.descent.data.EmbeddedData;
import org.descent.loss.BinaryCrossEntropy;
import org.descent.loss.BinaryCrossEntropyWithLogits;
import org.descent.loss.CrossEntropy;
import org.descent.loss.HuberLoss;
import org.descent.loss.L1Loss;
import org.descent.loss.L2Loss;
import org.descent.loss.Loss;
import org.descent.loss.WeightedCrossEntropy;
import org.descent.nn.BatchNorm1d;
import org.descent.nn.Dropout;
import org.descent.nn.LayerNorm;
import org.descent.nn.Linear;
import org.descent.nn.Module;
import org.descent.nn.Parameter;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.nn.Sigmoid;
import org.descent.nn.Tanh;
import org.descent.optim.Adam;
import org.descent.tensor.DType;
import org.descent.tensor.Parallelism;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelStepTest {
    private static final Split DIGITS = Split.of(EmbeddedData.digits(), 0.7, 0.15, 1, true);

    @AfterEach
    void oneThread() {
        Parallelism.setThreads(1);
    }

    private static Sequential mlp(long seed, Module... middle) {
        Random random = new Random(seed);
        Module[] layers = new Module[middle.length + 3];
        layers[0] = new Linear(64, 32, random);
        System.arraycopy(middle, 0, layers, 1, middle.length);
        layers[middle.length + 1] = new Relu();
        layers[middle.length + 2] = new Linear(32, 10, random);
        return new Sequential(layers);
    }

    @Test
    void theChunksDependOnTheBatchAloneAndOnlyRowWiseNetworksAreSplit() {
        ParallelStep step = new ParallelStep(mlp(1, new LayerNorm(32), new Tanh()), new CrossEntropy());
        int[][] expected = {{1, 1}, {127, 1}, {128, 2}, {200, 2}, {60000, 2}};
        for (int[] rowsAndChunks : expected) {
            assertEquals(rowsAndChunks[1], step.chunks(rowsAndChunks[0]), rowsAndChunks[0] + " rows");
        }
        ParallelStep upToFour = new ParallelStep(mlp(1), new CrossEntropy(), 4);
        int[][] four = {{127, 1}, {128, 2}, {200, 3}, {256, 4}, {60000, 4}};
        for (int[] rowsAndChunks : four) {
            assertEquals(rowsAndChunks[1], upToFour.chunks(rowsAndChunks[0]), rowsAndChunks[0] + " rows, at most 4 chunks");
        }
        assertEquals(1, new ParallelStep(mlp(1, new BatchNorm1d(32)), new CrossEntropy()).chunks(512), "batch norm");
        assertEquals(1, new ParallelStep(mlp(1, new Dropout(0.2, 3)), new CrossEntropy()).chunks(512), "dropout");
        Loss weighted = new WeightedCrossEntropy(new double[] {1, 2, 1, 1, 1, 1, 1, 1, 1, 3}, new CrossEntropy());
        assertEquals(1, new ParallelStep(mlp(1), weighted).chunks(512), "class weights");
    }

    @Test
    void theSplitGradientIsTheWholeBatchGradientForEveryPerSampleLoss() {
        Random random = new Random(5);
        Tensor x = Tensor.uniform(random, -1, 1, DType.FLOAT32, 200, 64);
        Tensor labels = CrossEntropy.targets(random.ints(200, 0, 10).toArray(), 10);
        Tensor values = Tensor.uniform(random, 0, 1, DType.FLOAT32, 200, 10);
        Loss[] losses = {new CrossEntropy(), new CrossEntropy(0.1), new L2Loss(), new L1Loss(), new HuberLoss(),
            new BinaryCrossEntropyWithLogits(), new BinaryCrossEntropy()};
        for (Loss loss : losses) {
            Tensor target = loss instanceof CrossEntropy ? labels : values;
            Module[] tail = loss instanceof BinaryCrossEntropy ? new Module[] {new Sigmoid()} : new Module[0];
            Sequential whole = withTail(mlp(7), tail);
            Sequential split = withTail(mlp(7), tail);
            double wholeLoss;
            try (OutputReuse scope = OutputReuse.enter()) {
                Tensor value = loss.compute(whole.forward(x), target);
                value.backward();
                wholeLoss = value.item();
            }
            ParallelStep step = new ParallelStep(split, loss, 4);
            assertEquals(3, step.chunks(200), loss.name());
            assertEquals(wholeLoss, step.lossAndGradients(x, target), 1e-5, loss.name());
            List<Parameter> expected = whole.parameters();
            List<Parameter> actual = split.parameters();
            for (int j = 0; j < expected.size(); j++) {
                assertClose(expected.get(j).grad(), actual.get(j).grad(), loss.name() + " parameter " + j);
            }
        }
    }

    private static Sequential withTail(Sequential network, Module... tail) {
        if (tail.length == 0) {
            return network;
        }
        Module[] layers = network.layers().toArray(new Module[0]);
        Module[] all = java.util.Arrays.copyOf(layers, layers.length + tail.length);
        System.arraycopy(tail, 0, all, layers.length, tail.length);
        return new Sequential(all);
    }

    private static void assertClose(Tensor expected, Tensor actual, String what) {
        double scale = 0;
        for (int i = 0; i < expected.size(); i++) {
            scale = Math.max(scale, Math.abs(expected.get(i)));
        }
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), 1e-5 * scale + 1e-7, what + " element " + i);
        }
    }

    @Test
    void trainingGivesBitwiseIdenticalWeightsForOneTwoAndThreeThreads() {
        for (Module[] middle : List.of(new Module[0], new Module[] {new LayerNorm(32)})) {
            float[][] one = train(1, middle.length > 0);
            for (int threads = 2; threads <= 3; threads++) {
                float[][] other = train(threads, middle.length > 0);
                for (int j = 0; j < one.length; j++) {
                    assertArrayEquals(one[j], other[j], "parameter " + j + " with " + threads + " threads");
                }
            }
        }
    }

    @Test
    void fourChunksGiveBitwiseIdenticalGradientsForOneTwoAndThreeThreads() {
        Random random = new Random(6);
        Tensor x = Tensor.uniform(random, -1, 1, DType.FLOAT32, 300, 64);
        Tensor target = CrossEntropy.targets(random.ints(300, 0, 10).toArray(), 10);
        float[][] one = null;
        for (int threads = 1; threads <= 3; threads++) {
            Parallelism.setThreads(threads);
            Sequential model = mlp(12);
            ParallelStep step = new ParallelStep(model, new CrossEntropy(), 4);
            for (int repeat = 0; repeat < 3; repeat++) {   // the chunks' reused storage, and the fold reset
                model.zeroGrad();
                step.lossAndGradients(x, target);
            }
            float[][] gradients = model.parameters().stream().map(p -> p.grad().floatData().clone()).toArray(float[][]::new);
            if (one == null) {
                one = gradients;
            }
            for (int j = 0; j < one.length; j++) {
                assertArrayEquals(one[j], gradients[j], "parameter " + j + " with " + threads + " threads");
            }
        }
    }

    private static float[][] train(int threads, boolean layerNorm) {
        Parallelism.setThreads(threads);
        Sequential model = layerNorm ? mlp(11, new LayerNorm(32)) : mlp(11);
        new Trainer(model, new CrossEntropy(), new Adam(model.parameters(), 0.01), Task.MULTICLASS,
                new TrainingConfig(2, 300, 4)).fit(DIGITS.train(), null);   // 2 chunks of 150 rows, and a last batch of 57
        return model.parameters().stream().map(p -> p.value().floatData().clone()).toArray(float[][]::new);
    }

    @Test
    void weightsReplacedBetweenStepsAreSharedWithTheChunksAgain() {
        Random random = new Random(2);
        Tensor x = Tensor.uniform(random, -1, 1, DType.FLOAT32, 128, 64);
        Tensor target = CrossEntropy.targets(random.ints(128, 0, 10).toArray(), 10);
        Sequential model = mlp(3);
        ParallelStep step = new ParallelStep(model, new CrossEntropy());
        step.lossAndGradients(x, target);
        Sequential other = mlp(4);
        model.loadState(other.state(), "test");
        model.zeroGrad();
        double loss = step.lossAndGradients(x, target);
        double expected = new ParallelStep(other, new CrossEntropy()).lossAndGradients(x, target);
        assertEquals(expected, loss, 0.0);
        for (int j = 0; j < model.parameters().size(); j++) {
            assertArrayEquals(other.parameters().get(j).grad().floatData(), model.parameters().get(j).grad().floatData(),
                    "parameter " + j);
        }
    }

    @Test
    void float64NetworksAreSplitToo() {
        Random random = new Random(8);
        Tensor x = Tensor.uniform(random, -1, 1, DType.FLOAT64, 150, 64);
        Tensor target = CrossEntropy.targets(random.ints(150, 0, 10).toArray(), 10, DType.FLOAT64);
        Sequential whole = mlp(9);
        whole.to(DType.FLOAT64);
        Sequential split = mlp(9);
        split.to(DType.FLOAT64);
        Tensor value = new CrossEntropy().compute(whole.forward(x), target);
        value.backward();
        assertEquals(value.item(), new ParallelStep(split, new CrossEntropy()).lossAndGradients(x, target), 1e-12);
        for (int j = 0; j < whole.parameters().size(); j++) {
            Tensor expected = whole.parameters().get(j).grad();
            Tensor actual = split.parameters().get(j).grad();
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), actual.get(i), 1e-12, "parameter " + j + " element " + i);
            }
        }
    }
}
