package org.descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.autograd.Backprop;
import org.descent.autograd.NoGrad;
import org.descent.autograd.OutputReuse;
import org.descent.loss.CrossEntropy;
import org.descent.tensor.DType;
import org.descent.tensor.FusedRule;
import org.descent.tensor.GradientStorage;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Storage reused between training steps never changes a result the caller can still see. */
class BufferReuseTest {

    private static Sequential net() {
        Random random = new Random(1);
        return new Sequential(new Linear(4, 6, random), new Relu(), new Linear(6, 5, random), new Tanh(),
                new Linear(5, 3, random));
    }

    private static Tensor batch(long seed) {
        return Tensor.uniform(new Random(seed), -1, 1, DType.FLOAT32, 7, 4);
    }

    @Test
    void gradientsOfTwoGraphsAliveAtOnceAddUp() {
        Sequential model = net();
        Tensor first = model.forward(batch(2)).square().sum();
        Tensor second = model.forward(batch(3)).square().sum();
        first.add(second).backward();
        double[] together = model.namedParameters().get("layers.0.weight").grad().toDoubleArray();
        model.zeroGrad();
        model.forward(batch(2)).square().sum().backward();
        double[] sum = model.namedParameters().get("layers.0.weight").grad().toDoubleArray().clone();
        model.zeroGrad();
        model.forward(batch(3)).square().sum().backward();
        double[] part = model.namedParameters().get("layers.0.weight").grad().toDoubleArray();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += part[i];
        }
        assertArrayEquals(sum, together, 1e-5);
    }

    @Test
    void stepsGiveTheSameGradientsAsAFreshModel() {
        Sequential reused = net();
        for (long seed = 2; seed < 5; seed++) {
            reused.zeroGrad();
            reused.forward(batch(seed)).square().sum().backward();
            Sequential fresh = net();
            fresh.forward(batch(seed)).square().sum().backward();
            for (String name : List.of("layers.0.weight", "layers.2.bias", "layers.4.weight")) {
                assertArrayEquals(fresh.namedParameters().get(name).grad().toDoubleArray(),
                        reused.namedParameters().get(name).grad().toDoubleArray(), 0.0, name + " at batch " + seed);
            }
        }
    }

    @Test
    void backwardThroughAGraphWhoseBuffersWereReusedIsRefused() {
        Sequential model = net();
        Tensor old = model.forward(batch(2)).square().sum();
        old.backward();
        model.forward(batch(3)).square().sum().backward();
        assertThrows(DescentException.class, old::backward);
    }

    @Test
    void anOutputLeavingTheLinearChainIsNeverOverwritten() {
        Sequential model = new Sequential(new Linear(4, 6, new Random(1)), new Relu(), new Identity());
        Tensor out = model.forward(batch(2));
        double[] before = out.toDoubleArray();
        out.sum().backward();
        model.forward(batch(3)).sum().backward();
        assertArrayEquals(before, out.toDoubleArray(), 0.0);
    }

    @Test
    void parameterGradientStorageIsReusedAfterZeroGradButGradientsResultsAreNot() {
        Sequential model = net();
        Parameter weight = model.namedParameters().get("layers.0.weight");
        model.forward(batch(2)).sum().backward();
        Tensor storage = weight.grad();
        model.zeroGrad();
        model.forward(batch(3)).sum().backward();
        assertSame(storage, weight.grad());
        Tensor kept = Backprop.gradients(model.forward(batch(4)).sum(), Tensor.scalar(1, DType.FLOAT32),
                List.of(weight.value()), false)[0];
        double[] values = kept.toDoubleArray();
        model.zeroGrad();
        model.forward(batch(5)).sum().backward();
        assertArrayEquals(values, kept.toDoubleArray(), 0.0);
    }

    /**
     * Sum of squares as a user-defined fused node: its fast backward writes 2x into the storage
     * offered for its input, and records that storage; its reference is the tensor formula.
     */
    private static final class SquaredSum {
        final List<Object> storages = new java.util.ArrayList<>();
        int fastCalls;

        Tensor apply(Tensor x) {
            double total = 0;
            for (int i = 0; i < x.size(); i++) {
                total += x.get(i) * x.get(i);
            }
            return Tensor.scalar(total, x.dtype()).recordedFrom("squared_sum",
                    FusedRule.of(() -> x.square().sum(), (g, storage) -> backward(x, g, storage)), x);
        }

        private Tensor[] backward(Tensor x, Tensor g, GradientStorage storage) {
            fastCalls++;
            Tensor gradient = storage.of(0);
            storages.add(gradient.floatData());
            for (int i = 0; i < gradient.size(); i++) {
                gradient.set(i, 2 * g.item() * x.get(i));
            }
            assertNotSame(gradient, storage.of(0), "lent once per backward pass");
            return new Tensor[] {gradient};
        }
    }

    @Test
    void aFusedLayerLendsTheSameGradientStorageEveryStepAndGradientsStayExact() {
        Sequential model = net();
        SquaredSum loss = new SquaredSum();
        for (long seed = 2; seed < 5; seed++) {
            model.zeroGrad();
            loss.apply(model.forward(batch(seed))).backward();
            Sequential fresh = net();
            fresh.forward(batch(seed)).square().sum().backward();
            for (String name : List.of("layers.0.weight", "layers.4.weight", "layers.4.bias")) {
                assertArrayEquals(fresh.namedParameters().get(name).grad().toDoubleArray(),
                        model.namedParameters().get(name).grad().toDoubleArray(), 0.0, name + " at batch " + seed);
            }
        }
        assertSame(loss.storages.get(0), loss.storages.get(2));
    }

    @Test
    void aGraphWhoseBuffersWereTakenAgainLendsNothing() {
        Sequential model = net();
        Tensor old = model.forward(batch(2));
        old.sum().backward();
        assertNotNull(old.node().fused().outputGradientStorage(), "its own graph's buffers are still current");
        model.forward(batch(3)).sum().backward();
        assertNull(old.node().fused().outputGradientStorage());
    }

    @Test
    void gradientsOfALayerOutputAreCopiesThatTheNextStepLeavesAlone() {
        Sequential model = net();
        Tensor targets = CrossEntropy.targets(new int[] {0, 1, 2, 0, 1, 2, 0}, 3);
        Tensor logits = model.forward(batch(2));
        Tensor kept = Backprop.gradients(new CrossEntropy().compute(logits, targets), Tensor.scalar(1, DType.FLOAT32),
                List.of(logits), false)[0];
        double[] values = kept.toDoubleArray();
        double[] softmax = logits.softmax(1).toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            assertEquals((softmax[i] - targets.get(i)) / 7, values[i], 1e-7);
        }
        new CrossEntropy().compute(model.forward(batch(3)), targets).backward();
        assertArrayEquals(values, kept.toDoubleArray(), 0.0);
    }

    @Test
    void insideOutputReuseTheFinalOutputStorageIsReusedWithUnchangedResults() {
        Sequential model = net();
        Sequential fresh = net();
        Object storage = null;
        for (long seed = 2; seed < 5; seed++) {
            model.zeroGrad();
            fresh.zeroGrad();
            try (OutputReuse scope = OutputReuse.enter()) {
                Tensor out = model.forward(batch(seed));
                storage = seed == 2 ? out.floatData() : storage;
                assertSame(storage, out.floatData());
                assertArrayEquals(fresh.forward(batch(seed)).toDoubleArray(), out.toDoubleArray(), 0.0);
                out.square().sum().backward();
            }
            fresh.forward(batch(seed)).square().sum().backward();
            assertArrayEquals(fresh.namedParameters().get("layers.0.weight").grad().toDoubleArray(),
                    model.namedParameters().get("layers.0.weight").grad().toDoubleArray(), 0.0);
        }
        assertNotSame(storage, model.forward(batch(5)).floatData(), "outside the scope outputs are new");
    }

    @Test
    void insideOutputReuseTwoLiveGraphsAndInferenceGetTheirOwnOutputs() {
        Sequential model = net();
        try (OutputReuse scope = OutputReuse.enter()) {
            Tensor first = model.forward(batch(2));
            double[] before = first.toDoubleArray();
            Tensor second = model.forward(batch(3));
            assertNotSame(first.floatData(), second.floatData());
            try (NoGrad noGrad = NoGrad.enter()) {
                assertNotSame(first.floatData(), model.forward(batch(4)).floatData());
            }
            assertArrayEquals(before, first.toDoubleArray(), 0.0);
            first.add(second).sum().backward();
        }
    }

    @Test
    void aFusedNodeIsDifferentiatedThroughItsReferenceWhenASecondDerivativeIsWanted() {
        SquaredSum loss = new SquaredSum();
        Tensor x = Tensor.of(new double[] {1, -2, 3}, 3).requiresGrad(true);
        Tensor g = Backprop.gradients(loss.apply(x), Tensor.scalar(1, DType.FLOAT64), List.of(x), true)[0];
        assertEquals(0, loss.fastCalls, "createGraph takes the reference half");
        assertArrayEquals(new double[] {2, -4, 6}, g.toDoubleArray(), 0.0);
        g.sum().backward();
        assertArrayEquals(new double[] {2, 2, 2}, x.grad().toDoubleArray(), 0.0);
        Tensor plain = Backprop.gradients(loss.apply(x), Tensor.scalar(1, DType.FLOAT64), List.of(x), false)[0];
        assertEquals(1, loss.fastCalls);
        assertArrayEquals(new double[] {2, -4, 6}, plain.toDoubleArray(), 0.0);
    }

    @Test
    void insideNoGradACreateGraphRequestStillGivesFirstDerivatives() {
        SquaredSum loss = new SquaredSum();
        Tensor x = Tensor.of(new double[] {1, -2, 3}, 3).requiresGrad(true);
        Tensor y = loss.apply(x);
        try (NoGrad scope = NoGrad.enter()) {
            Tensor g = Backprop.gradients(y, Tensor.scalar(1, DType.FLOAT64), List.of(x), true)[0];
            assertArrayEquals(new double[] {2, -4, 6}, g.toDoubleArray(), 0.0);
        }
        assertEquals(1, loss.fastCalls);
    }
}
