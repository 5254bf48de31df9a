package org.descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.autograd.Backprop;
import org.descent.autograd.Function;
import org.descent.autograd.NoGrad;
import org.descent.autograd.OutputReuse;
import org.descent.loss.CrossEntropy;
import org.descent.tensor.DType;
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

    /** Sum of squares whose backward writes 2x into the storage its input offers, and records that storage. */
    private static final class SquaredSum extends Function {
        final List<Object> storages = new java.util.ArrayList<>();

        @Override
        public Tensor forward(Tensor... x) {
            return x[0].square().sum();
        }

        @Override
        public Tensor[] backward(Tensor[] x, Tensor y, Tensor g) {
            Tensor lent = x[0].takeGradBuffer();
            storages.add(lent == null ? null : lent.floatData());
            Tensor gradient = lent != null ? lent : Tensor.zeros(x[0].dtype(), x[0].shape().dims());
            for (int i = 0; i < gradient.size(); i++) {
                gradient.set(i, 2 * g.item() * x[0].get(i));
            }
            assertNull(x[0].takeGradBuffer(), "lent once per graph");
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
        model.forward(batch(3)).sum().backward();
        assertNull(old.takeGradBuffer());
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
    void onlyAComputedTensorCanBeLentGradientStorage() {
        Tensor leaf = Tensor.zeros(DType.FLOAT32, 2, 2).requiresGrad(true);
        assertThrows(DescentException.class, () -> leaf.lendGradBuffer(() -> null));
    }
}
