package org.descent.minimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gradients, Hessians and Hessian-vector products against PyTorch and finite differences. */
class CurvatureTest {
    private static final double STEP = 1e-6;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lecture", "lecture_min", "saddle", "rosenbrock", "rosenbrock_min", "mixed", "maximum"})
    void expressionMatchesPyTorch(String name) {
        Objective f = Objective.parse(HessianFixtures.testCase(name).get("expression").asText());
        double[] point = HessianFixtures.vector(name, "point");
        Curvature c = f.curvature(point);
        assertEquals(HessianFixtures.vector(name, "value")[0], c.value(), 1e-10 * Math.max(1, Math.abs(c.value())));
        assertTrue(HessianFixtures.maxError(c.gradient(), HessianFixtures.vector(name, "gradient")) < 1e-10);
        assertTrue(HessianFixtures.maxError(f.gradient(point), HessianFixtures.vector(name, "gradient")) < 1e-10);
        double error = HessianFixtures.maxError(c.hessian(), HessianFixtures.matrix(name, "hessian"));
        assertTrue(error < 1e-10, name + ": Hessian error " + error);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lecture", "saddle", "rosenbrock", "mixed", "maximum"})
    void hessianMatchesFiniteDifferencesOfTheGradient(String name) {
        Objective f = Objective.parse(HessianFixtures.testCase(name).get("expression").asText());
        double[] point = HessianFixtures.vector(name, "point");
        double[][] h = f.curvature(point).hessian();
        for (int j = 0; j < point.length; j++) {
            double[] up = point.clone();
            double[] down = point.clone();
            up[j] += STEP;
            down[j] -= STEP;
            double[] gUp = f.gradient(up);
            double[] gDown = f.gradient(down);
            for (int i = 0; i < point.length; i++) {
                double numeric = (gUp[i] - gDown[i]) / (2 * STEP);
                assertEquals(numeric, h[i][j], 1e-6 * Math.max(1, Math.abs(numeric)), name + " H[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void hessianVectorProductEqualsHessianTimesVectorWithoutFormingIt() {
        Objective f = Objective.parse(HessianFixtures.testCase("mixed").get("expression").asText());
        Curvature c = f.curvature(new double[] {0.4, -0.3});
        double[][] h = c.hessian();
        double[] v = {0.7, -1.3};
        double[] expected = {h[0][0] * v[0] + h[0][1] * v[1], h[1][0] * v[0] + h[1][1] * v[1]};
        assertArrayEquals(expected, c.hessianVectorProduct(v), 1e-12);
    }

    @Test
    void javaObjectiveOverSeveralParameterTensors() {
        // L(a, B) = Σ (B a)² with a ∈ ℝ², B ∈ ℝ^{2×2}: H has 36 entries; check the a-a block = 2 BᵀB.
        Tensor a = Tensor.uniform(new Random(1), -1, 1, DType.FLOAT64, 2, 1).requiresGrad(true);
        Tensor b = Tensor.uniform(new Random(2), -1, 1, DType.FLOAT64, 2, 2).requiresGrad(true);
        Curvature c = Curvature.at(() -> b.matmul(a).square().sum(), List.of(a, b));
        assertEquals(6, c.size());
        double[][] h = c.hessian();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double btb = b.at(0, i) * b.at(0, j) + b.at(1, i) * b.at(1, j);
                assertEquals(2 * btb, h[i][j], 1e-12);
            }
        }
        assertTrue(a.grad() == null && b.grad() == null, "grad() of the parameters must stay untouched");
    }

    @Test
    void linearFunctionHasZeroHessian() {
        Curvature c = Objective.parse("3*x1 - x2").curvature(new double[] {1, 2});
        assertArrayEquals(new double[] {3, -1}, c.gradient(), 0);
        assertArrayEquals(new double[][] {{0, 0}, {0, 0}}, c.hessian());
        assertArrayEquals(new double[] {0, 0}, c.hessianVectorProduct(new double[] {1, 1}), 0);
    }
}
