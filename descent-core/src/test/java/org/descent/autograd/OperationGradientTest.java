package org.descent.autograd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every differentiable tensor operation against central finite differences in float64. */
class OperationGradientTest {

    private static Tensor random(long seed, int... dims) {
        return Tensor.uniform(new Random(seed), -2, 2, DType.FLOAT64, dims);
    }

    private static Tensor positive(long seed, int... dims) {
        return Tensor.uniform(new Random(seed), 0.5, 2.5, DType.FLOAT64, dims);
    }

    private static Arguments op(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        return Arguments.of(name, f, inputs);
    }

    static Stream<Arguments> operations() {
        return Stream.of(
            op("add broadcast row", x -> x[0].add(x[1]), random(1, 3, 4), random(2, 4)),
            op("add broadcast column", x -> x[0].add(x[1]), random(1, 3, 4), random(2, 3, 1)),
            op("sub", x -> x[0].sub(x[1]), random(1, 3, 4), random(2, 3, 4)),
            op("mul broadcast", x -> x[0].mul(x[1]), random(1, 2, 3, 4), random(2, 3, 1)),
            op("div", x -> x[0].div(x[1]), random(1, 3, 4), positive(2, 3, 4)),
            op("scalar add and mul", x -> x[0].add(3.0).mul(-2.0), random(1, 5)),
            op("neg", x -> x[0].neg(), random(1, 5)),
            op("exp", x -> x[0].exp(), random(1, 3, 4)),
            op("log", x -> x[0].log(), positive(1, 3, 4)),
            op("sqrt", x -> x[0].sqrt(), positive(1, 3, 4)),
            op("abs", x -> x[0].abs(), positive(1, 3, 4).mul(-1.0)),
            op("sin", x -> x[0].sin(), random(1, 3, 4)),
            op("cos", x -> x[0].cos(), random(1, 3, 4)),
            op("tanh", x -> x[0].tanh(), random(1, 3, 4)),
            op("sigmoid", x -> x[0].sigmoid(), random(1, 3, 4)),
            op("relu", x -> x[0].relu(), random(1, 3, 4)),
            op("softplus", x -> x[0].softplus(), random(1, 3, 4)),
            op("pow", x -> x[0].pow(3.0), random(1, 3, 4)),
            op("pow fractional", x -> x[0].pow(-1.5), positive(1, 3, 4)),
            op("square", x -> x[0].square(), random(1, 3, 4)),
            op("matmul", x -> x[0].matmul(x[1]), random(1, 3, 4), random(2, 4, 5)),
            op("matmul A transposed", x -> x[0].matmul(x[1], true, false), random(1, 4, 3), random(2, 4, 5)),
            op("matmul B transposed", x -> x[0].matmul(x[1], false, true), random(1, 3, 4), random(2, 5, 4)),
            op("matmul both transposed", x -> x[0].matmul(x[1], true, true), random(1, 4, 3), random(2, 5, 4)),
            op("sum all", x -> x[0].sum(), random(1, 3, 4)),
            op("sum axis 0", x -> x[0].sum(0, false), random(1, 3, 4)),
            op("sum axis 1 keepdim", x -> x[0].sum(1, true), random(1, 3, 4)),
            op("mean axis", x -> x[0].mean(-1, false), random(1, 2, 3, 4)),
            op("max axis", x -> x[0].max(1, false), random(1, 3, 4)),
            op("logSumExp", x -> x[0].logSumExp(1, false), random(1, 3, 4)),
            op("softmax", x -> x[0].softmax(1), random(1, 3, 4)),
            op("logSoftmax", x -> x[0].logSoftmax(-1), random(1, 3, 4)),
            op("reshape", x -> x[0].reshape(4, 3).mul(x[0].reshape(4, 3)), random(1, 3, 4)),
            op("transpose", x -> x[0].transpose(), random(1, 3, 4)),
            op("slice", x -> x[0].slice(1, 1, 3), random(1, 3, 4)),
            op("concat", x -> Tensor.concat(1, x[0], x[1]), random(1, 3, 2), random(2, 3, 4)),
            op("expand", x -> x[0].expand(org.descent.tensor.Shape.of(3, 4)), random(1, 1, 4)),
            op("float32 round trip", x -> x[0].to(DType.FLOAT32).to(DType.FLOAT64).mul(x[0]), random(1, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void gradientMatchesFiniteDifferences(String name, Function<Tensor[], Tensor> f, Tensor[] inputs) {
        double tolerance = name.startsWith("float32") ? 1e-2 : 1e-6;
        double error = GradCheck.maxError(f, inputs);
        assertTrue(error < tolerance, name + ": max error " + error);
    }

    @ParameterizedTest(name = "second derivative of {0}")
    @MethodSource("operations")
    void gradientOfGradientMatchesFiniteDifferences(String name, Function<Tensor[], Tensor> f, Tensor[] inputs) {
        if (name.startsWith("float32") || name.equals("relu") || name.equals("abs") || name.equals("max axis")) {
            return; // piecewise linear: the second derivative is zero almost everywhere, checked elsewhere
        }
        // g(x) = Σ (∂(Σ w·f)/∂x)² is differentiable iff the backward rules are.
        Function<Tensor[], Tensor> gradientNorm = x -> {
            Tensor y = f.apply(x);
            Tensor w = Tensor.uniform(new Random(7), 0.5, 1.5, DType.FLOAT64, y.shape().dims());
            Tensor[] g = Backprop.gradients(y.mul(w).sum(), Tensor.scalar(1, DType.FLOAT64),
                    java.util.List.of(x), true);
            Tensor total = Tensor.scalar(0, DType.FLOAT64);
            for (Tensor gi : g) {
                total = total.add(gi.square().sum());
            }
            return total;
        };
        double error = GradCheck.maxError(gradientNorm, inputs);
        assertTrue(error < 1e-5, name + ": max error " + error);
    }
}
