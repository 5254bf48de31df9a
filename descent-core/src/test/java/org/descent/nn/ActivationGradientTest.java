package org.descent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.descent.autograd.Function;
import org.descent.autograd.GradCheck;
import org.descent.tensor.DType;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every activation module against central finite differences in float64. */
class ActivationGradientTest {

    /** x·σ(x) with a hand-written backward σ(x)(1 + x(1 − σ(x))), as a user would write it. */
    static final class Swish extends Function {
        @Override
        public Tensor forward(Tensor... x) {
            return x[0].mul(x[0].sigmoid());
        }

        @Override
        public Tensor[] backward(Tensor[] x, Tensor y, Tensor g) {
            Tensor s = x[0].sigmoid();
            return new Tensor[] {g.mul(s.mul(x[0].mul(s.neg().add(1.0)).add(1.0)))};
        }
    }

    static Stream<Module> activations() {
        return Stream.of(new Sigmoid(), new Tanh(), new Relu(), new Softplus(), new Identity(), new Softmax(),
                new LogSoftmax(), new Activation("Swish", z -> z.mul(z.sigmoid())), new Activation(new Swish()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void gradientMatchesFiniteDifferences(Module activation) {
        Tensor x = Tensor.uniform(new Random(3), -3, 3, DType.FLOAT64, 4, 5);
        double error = GradCheck.maxError(in -> activation.forward(in[0]), x);
        assertTrue(error < 1e-6, activation + ": max error " + error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void keepsTheFeatureCount(Module activation) {
        assertEquals(7, activation.outputSize(7));
        assertEquals(0, activation.parameterCount());
    }

    @Test
    void customFunctionKeepsItsName() {
        assertEquals("Activation(Swish)", new Activation(new Swish()).toString());
    }

    @Test
    void customFunctionThatChangesTheShapeIsRefused() {
        Activation bad = new Activation("RowSum", z -> z.sum(1, true));
        ShapeException e = assertThrows(ShapeException.class, () -> bad.forward(Tensor.zeros(DType.FLOAT64, 2, 3)));
        assertTrue(e.getMessage().contains("Activation(RowSum)"), e.getMessage());
    }
}
