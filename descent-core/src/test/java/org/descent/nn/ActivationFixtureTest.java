package org.descent.nn;

import static org.descent.Fixtures.assertClose;

import java.util.List;
import java.util.stream.Stream;
import org.descent.Fixtures;
import org.descent.autograd.Backprop;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of {@code activations.json} (PyTorch values and derivatives). */
class ActivationFixtureTest {
    private static final String FILE = "activations.json";

    static Stream<String> cases() {
        return Fixtures.caseNames(FILE).stream();
    }

    private static Module module(String caseName) {
        String base = caseName.replace("_f32", "");
        return switch (base) {
            case "sigmoid" -> new Sigmoid();
            case "tanh" -> new Tanh();
            case "softplus" -> new Softplus();
            case "identity" -> new Identity();
            case "relu", "relu_at_zero" -> new Relu();
            case "softmax", "softmax_jacobian" -> new Softmax();
            case "log_softmax" -> new LogSoftmax();
            default -> throw new AssertionError("no module for fixture case " + caseName);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name) {
        Fixtures.Case c = Fixtures.load(FILE, name);
        Tensor x = c.tensor("x").requiresGrad(true);
        Tensor y = module(name).forward(x);
        assertClose(c.tensor("y"), y, name + " y");
        if (c.has("dydx")) {
            Tensor seed = Tensor.ones(y.dtype(), y.shape().dims());
            assertClose(c.tensor("dydx"), Backprop.gradients(y, seed, List.of(x), false)[0], name + " dy/dx");
        } else if (c.has("upstream")) {
            assertClose(c.tensor("dx"), Backprop.gradients(y, c.tensor("upstream"), List.of(x), false)[0], name + " dx");
        } else {
            assertClose(c.tensor("jacobian"), jacobian(x, y), name + " jacobian");
        }
    }

    /** J[r, i, j] = ∂y[r, i]/∂x[r, j], one backward pass per output element. */
    private static Tensor jacobian(Tensor x, Tensor y) {
        int rows = y.shape().dim(0);
        int k = y.shape().dim(1);
        Tensor jacobian = Tensor.zeros(y.dtype(), rows, k, k);
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < k; i++) {
                Tensor seed = Tensor.zeros(y.dtype(), rows, k);
                seed.set(r * k + i, 1.0);
                Tensor g = Backprop.gradients(y, seed, List.of(x), false)[0];
                for (int j = 0; j < k; j++) {
                    jacobian.set((r * k + i) * k + j, g.get(r * k + j));
                }
                for (int other = 0; other < g.size(); other++) {
                    if (other / k != r) {
                        Assertions.assertEquals(0.0, g.get(other), "softmax rows are independent");
                    }
                }
            }
        }
        return jacobian;
    }
}
