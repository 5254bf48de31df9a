package org.descent.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BackpropTest {

    @Test
    void fanOutSumsTheGradientsOfAllConsumers() {
        Tensor x = Tensor.of(new double[] {3.0}).requiresGrad(true);
        // y = x·x + x·2 + x  →  dy/dx = 2x + 3 = 9
        Tensor y = x.mul(x).add(x.mul(2.0)).add(x).sum();
        y.backward();
        assertEquals(9.0, x.grad().item(), 1e-12);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
        Tensor x = Tensor.of(new double[] {2.0}).requiresGrad(true);
        x.square().sum().backward();
        x.square().sum().backward();
        assertEquals(8.0, x.grad().item(), 1e-12);
        x.zeroGrad();
        assertNull(x.grad());
    }

    @Test
    void aChainOfTenThousandOperationsDoesNotOverflowTheStack() {
        Tensor x = Tensor.of(new double[] {0.5}).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 10_000; i++) {
            y = y.mul(1.0001).add(0.0);
        }
        y.sum().backward();
        assertEquals(Math.pow(1.0001, 10_000), x.grad().item(), 1e-9);
    }

    @Test
    void noGradRecordsNothing() {
        Tensor x = Tensor.of(new double[] {1.0}).requiresGrad(true);
        try (NoGrad scope = NoGrad.enter()) {
            Tensor y = x.mul(2.0);
            assertFalse(y.requiresGrad());
            assertNull(y.node());
        }
        assertTrue(x.mul(2.0).requiresGrad());
    }

    @Test
    void secondDerivativeOfACubeIsExact() {
        Tensor x = Tensor.of(new double[] {1.5}).requiresGrad(true);
        Tensor y = x.pow(3.0).add(x.sin()).sum();
        Tensor dy = Backprop.gradients(y, Tensor.scalar(1, DType.FLOAT64), List.of(x), true)[0];
        assertEquals(3 * 1.5 * 1.5 + Math.cos(1.5), dy.item(), 1e-12);
        Tensor d2y = Backprop.gradients(dy.sum(), Tensor.scalar(1, DType.FLOAT64), List.of(x), false)[0];
        assertEquals(6 * 1.5 - Math.sin(1.5), d2y.item(), 1e-12);
    }

    @Test
    void backwardOnATensorWithoutGraphExplains() {
        Tensor x = Tensor.of(new double[] {1.0});
        DescentException e = assertThrows(DescentException.class, () -> x.mul(2.0).sum().backward());
        assertTrue(e.getMessage().contains("requiresGrad"), e.getMessage());
    }

    @Test
    void userFunctionTakesPartInBackprop() {
        Function cube = new Function() {
            @Override
            public Tensor forward(Tensor... x) {
                return x[0].mul(x[0]).mul(x[0]);
            }

            @Override
            public Tensor[] backward(Tensor[] x, Tensor y, Tensor g) {
                return new Tensor[] {g.mul(x[0].square()).mul(3.0)};
            }
        };
        Tensor x = Tensor.of(new double[] {0.3, -1.2, 2.0}, 3);
        assertTrue(GradCheck.maxError(in -> cube.apply(in[0]).tanh(), x) < 1e-7);
        Function wrong = new Function() {
            @Override
            public Tensor forward(Tensor... in) {
                return in[0].mul(in[0]).mul(in[0]);
            }

            @Override
            public Tensor[] backward(Tensor[] in, Tensor y, Tensor g) {
                return new Tensor[] {g.mul(in[0].square())};
            }
        };
        assertTrue(GradCheck.maxError(in -> wrong.apply(in[0]), x) > 0.1, "GradCheck must catch a wrong rule");
    }
}
