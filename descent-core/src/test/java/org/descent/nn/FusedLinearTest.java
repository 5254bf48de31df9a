package org.descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.descent.autograd.Backprop;
import org.descent.autograd.GradCheck;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fused Linear + activation node against finite differences and against the unfused operations. */
class FusedLinearTest {

    private static Tensor input(DType dtype) {
        return Tensor.uniform(new Random(3), -2, 2, dtype, 5, 4);
    }

    private static Module activation(FusedLinear.Activation act) {
        return switch (act) {
            case IDENTITY -> new Identity();
            case RELU -> new Relu();
            case SIGMOID -> new Sigmoid();
            case TANH -> new Tanh();
        };
    }

    @ParameterizedTest
    @EnumSource(FusedLinear.Activation.class)
    void inputGradientMatchesFiniteDifferences(FusedLinear.Activation act) {
        Linear linear = new Linear(4, 3, new Random(1));
        linear.to(DType.FLOAT64);
        double error = GradCheck.maxError(x -> FusedLinear.apply(linear, act, x[0]), input(DType.FLOAT64));
        assertTrue(error < 1e-6, act + ": max error " + error);
    }

    @ParameterizedTest
    @EnumSource(FusedLinear.Activation.class)
    void parameterGradientsMatchFiniteDifferences(FusedLinear.Activation act) {
        Sequential net = new Sequential(new Linear(4, 3, new Random(1)), activation(act), new Linear(3, 2, new Random(2)));
        double error = ParameterGradCheck.maxError(net, input(DType.FLOAT64));
        assertTrue(error < 1e-6, act + ": max error " + error);
    }

    @ParameterizedTest
    @EnumSource(value = FusedLinear.Activation.class, names = {"SIGMOID", "TANH"})
    void secondDerivativeMatchesFiniteDifferences(FusedLinear.Activation act) {
        Linear linear = new Linear(4, 3, new Random(1));
        linear.to(DType.FLOAT64);
        Tensor w = linear.weight().value();
        // ‖∂(Σ a)/∂x‖² + ‖∂(Σ a)/∂W‖² is differentiable (and its gradient right) only if the fused backward is.
        Function<Tensor[], Tensor> gradientNorm = x -> {
            Tensor out = FusedLinear.apply(linear, act, x[0]).sum();
            Tensor[] g = Backprop.gradients(out, Tensor.scalar(1, DType.FLOAT64), List.of(x[0], w), true);
            return g[0].square().sum().add(g[1].square().sum());
        };
        double error = GradCheck.maxError(gradientNorm, input(DType.FLOAT64));
        assertTrue(error < 1e-6, act + ": max error " + error);
    }

    @ParameterizedTest
    @EnumSource(FusedLinear.Activation.class)
    void float32ValuesAndGradientsEqualTheUnfusedOperations(FusedLinear.Activation act) {
        Linear linear = new Linear(4, 3, new Random(1));
        Tensor x = input(DType.FLOAT32).requiresGrad(true);
        Tensor[] params = {x, linear.weight().value(), linear.bias().value()};
        Tensor fused = FusedLinear.apply(linear, act, x);
        Tensor plain = FusedLinear.unfused(act, x, params[1], params[2]);
        assertArrayEquals(plain.toDoubleArray(), fused.toDoubleArray(), 0.0, act + " value");
        Tensor seed = Tensor.uniform(new Random(4), -1, 1, DType.FLOAT32, 5, 3);
        Tensor[] fusedGrads = Backprop.gradients(fused, seed, List.of(params), false);
        Tensor[] plainGrads = Backprop.gradients(plain, seed, List.of(params), false);
        for (int i = 0; i < params.length; i++) {
            assertArrayEquals(plainGrads[i].toDoubleArray(), fusedGrads[i].toDoubleArray(), 1e-6, act + " gradient " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(value = FusedLinear.Activation.class, names = {"RELU", "SIGMOID", "TANH"})
    void sequentialFusesALinearLayerWithTheActivationAfterIt(FusedLinear.Activation act) {
        Sequential net = new Sequential(new Linear(4, 3, new Random(1)), activation(act));
        Tensor out = net.forward(input(DType.FLOAT32).requiresGrad(true));
        assertEquals("linear+" + act.name().toLowerCase(), out.node().operation());
        assertEquals(List.of("layers.0.weight", "layers.0.bias"), List.copyOf(net.namedParameters().keySet()));
    }
}
