package org.descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.autograd.Backprop;
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
}
