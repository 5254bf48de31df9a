package org.descent.nn;

import static org.descent.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.descent.DescentException;
import org.descent.Fixtures;
import org.descent.autograd.Backprop;
import org.descent.autograd.GradCheck;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GELU (exact and tanh), SiLU, LeakyReLU, ELU and erf: values, first and second derivatives
 * against PyTorch (toolbox_activations.json: double backward), against finite differences, and
 * float32 against float64.
 */
class ToolboxActivationTest {
    private static final String FILE = "toolbox_activations.json";

    static Stream<String> cases() {
        return Fixtures.caseNames(FILE).stream();
    }

    static Function<Tensor, Tensor> function(String caseName) {
        String base = caseName.replace("_f32", "");
        return switch (base) {
            case "gelu" -> x -> new Gelu().forward(x);
            case "gelu_tanh" -> x -> new GeluTanh().forward(x);
            case "silu" -> x -> new Silu().forward(x);
            case "leaky_relu" -> x -> new LeakyRelu().forward(x);
            case "leaky_relu_0.2" -> x -> new LeakyRelu(0.2).forward(x);
            case "elu" -> x -> new Elu().forward(x);
            case "elu_0.5" -> x -> new Elu(0.5).forward(x);
            case "erf" -> Tensor::erf;
            default -> throw new AssertionError("no function for fixture case " + caseName);
        };
    }

    /**
     * Float64 cases against PyTorch at 1e-10. A float32 case runs on the float32 inputs and is
     * held to its float64 twin (1e-5 relative): PyTorch's own float32 GELU takes erf in float32
     * and is less accurate in the tails than ours, which rounds a float64 value once. The second
     * derivative is taken by differentiating the recorded first derivative.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valueAndTwoDerivativesMatchPyTorch(String name) {
        Fixtures.Case c = Fixtures.load(FILE, name);
        Fixtures.Case expected = Fixtures.load(FILE, name.replace("_f32", ""));
        Tensor x = c.tensor("x").requiresGrad(true);
        Tensor y = function(name).apply(x);
        assertClose(expected.tensor("y"), y, name + " y");
        Tensor seed = Tensor.ones(y.dtype(), y.shape().dims());
        assertClose(expected.tensor("dydx"), Backprop.gradients(y, seed, List.of(x), false)[0], name + " dy/dx");
        Tensor dydx = Backprop.gradients(function(name).apply(x), seed, List.of(x), true)[0];
        assertClose(expected.tensor("dydx"), dydx.detach(), name + " dy/dx recording a graph");
        if (dydx.requiresGrad()) {
            Tensor d2 = Backprop.gradients(dydx.sum(), Tensor.scalar(1, y.dtype()), List.of(x), false)[0];
            if (c.dtype() == DType.FLOAT64) {
                assertClose(expected.tensor("d2ydx2"), d2, name + " d2y/dx2");
            } else {
                // Not a training path: the rules' tensor formulas run in float32, where σ's own rule
                // σ(1 − σ) cancels in the tails, so 1e-5 relative plus 1e-6 absolute.
                Tensor e = expected.tensor("d2ydx2");
                for (int i = 0; i < e.size(); i++) {
                    assertEquals(e.get(i), d2.get(i), 1e-5 * Math.abs(e.get(i)) + 1e-6, name + " d2y/dx2[" + i + "]");
                }
            }
        } else {   // piecewise linear (leaky ReLU): the rule records no graph and the second derivative is 0
            Tensor zero = c.tensor("d2ydx2");
            for (int i = 0; i < zero.size(); i++) {
                assertEquals(0.0, zero.get(i), name);
            }
        }
    }

    static Stream<String> functions() {
        return Stream.of("gelu", "gelu_tanh", "silu", "leaky_relu_0.2", "elu", "elu_0.5", "erf");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void firstDerivativeMatchesFiniteDifferences(String name) {
        Tensor x = awayFromZero(Tensor.uniform(new Random(3), -4, 4, DType.FLOAT64, 4, 5));
        double error = GradCheck.maxError(in -> function(name).apply(in[0]), x);
        assertTrue(error < 1e-6, name + ": max error " + error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void secondDerivativeMatchesFiniteDifferences(String name) {
        if (name.startsWith("leaky")) {
            return;   // piecewise linear; its zero second derivative is the fixture's
        }
        Tensor x = awayFromZero(Tensor.uniform(new Random(5), -4, 4, DType.FLOAT64, 3, 4));
        Function<Tensor[], Tensor> derivative = in -> {
            Tensor y = function(name).apply(in[0]);
            return Backprop.gradients(y.sum(), Tensor.scalar(1, DType.FLOAT64), List.of(in[0]), true)[0];
        };
        double error = GradCheck.maxError(derivative, x);
        assertTrue(error < 1e-5, name + ": max error " + error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void float32IsWithin1e5RelativeOfFloat64(String name) {
        Tensor x64 = Tensor.uniform(new Random(9), -6, 6, DType.FLOAT64, 50, 8);
        Tensor x32 = x64.copy(DType.FLOAT32).requiresGrad(true);
        x64 = x32.detach().copy(DType.FLOAT64).requiresGrad(true);   // the same inputs
        Tensor y64 = function(name).apply(x64);
        Tensor y32 = function(name).apply(x32);
        Tensor g64 = Backprop.gradients(y64, Tensor.ones(DType.FLOAT64, 50, 8), List.of(x64), false)[0];
        Tensor g32 = Backprop.gradients(y32, Tensor.ones(DType.FLOAT32, 50, 8), List.of(x32), false)[0];
        assertClose(y64.detach(), y32.detach(), name + " y");
        assertClose(g64, g32, name + " dy/dx");
    }

    /** Moves entries within 10⁻³ of the kinks of leaky ReLU and ELU at 0 away from them. */
    private static Tensor awayFromZero(Tensor x) {
        for (int i = 0; i < x.size(); i++) {
            if (Math.abs(x.get(i)) < 1e-3) {
                x.set(i, 0.5);
            }
        }
        return x;
    }

    @Test
    void eluDoesNotOverflowItsUnusedBranch() {
        Tensor x = Tensor.of(new double[] {800, -800, 0}, 3).requiresGrad(true);
        Tensor g = Backprop.gradients(x.elu(1.0), Tensor.ones(DType.FLOAT64, 3), List.of(x), false)[0];
        assertEquals(1.0, g.get(0));
        assertEquals(0.0, g.get(1));
        assertEquals(1.0, g.get(2));   // α e⁰ at exactly 0, as PyTorch
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY})
    void aNonFiniteAlphaIsRefused(double alpha) {
        DescentException e = assertThrows(DescentException.class, () -> new LeakyRelu(alpha));
        assertEquals("LeakyRelu: the negative slope alpha must be finite, got " + alpha, e.getMessage());
        assertThrows(DescentException.class, () -> new Elu(alpha));
        assertEquals("Elu: alpha must be non-negative and finite, got -1.0",
                assertThrows(DescentException.class, () -> new Elu(-1)).getMessage());
    }

    @Test
    void describedWithTheirArguments() {
        assertEquals("LeakyRelu(0.2)", new LeakyRelu(0.2).toString());
        assertEquals("Elu(1.0)", new Elu().toString());
        assertEquals("Gelu()", new Gelu().toString());
    }
}
