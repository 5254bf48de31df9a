package org.descent.minimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.minimize.CriticalPoint.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lecture's example, a saddle, Rosenbrock and a maximum, by every method that applies. */
class MinimizerTest {
    static final String LECTURE = "x1^2 + x1*(1-x2) + x2^2 - x2*x3 + x3^2 + x3";
    static final String ROSENBROCK = "(1-x1)^2 + 100*(x2-x1^2)^2";

    static MinimizationResult run(Method method, String expression, double... start) {
        return new Minimizer(MinimizerOptions.of(method)).minimize(Objective.parse(expression), start);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Method.class, names = {"CLOSED_FORM", "NEWTON"})
    void lectureExampleIsAMinimumAtMinusOnes(Method method) {
        MinimizationResult r = run(method, LECTURE, 0, 0, 0);
        assertTrue(r.converged());
        assertArrayEquals(new double[] {-1, -1, -1}, r.x(), 1e-12);
        assertEquals(-1, r.value(), 1e-12);
        assertEquals(0, r.gradientNorm(), 1e-12);
        assertArrayEquals(new double[][] {{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}}, r.hessian());
        assertArrayEquals(new double[] {0.586, 2, 3.414}, r.eigenvalues(), 5e-4);
        assertEquals(Kind.MINIMUM, r.verdict().kind());
        assertEquals(1, r.iterations());
        assertTrue(r.report().contains("eigenvalues: (0.585786, 2, 3.41421)"), r.report());
        assertTrue(r.report().contains("verdict:     MINIMUM"), r.report());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Method.class, names = {"CLOSED_FORM", "NEWTON"})
    void saddleOfXSquaredMinusYSquared(Method method) {
        MinimizationResult r = run(method, "x1^2 - x2^2", 0.5, -0.25);
        assertArrayEquals(new double[] {0, 0}, r.x(), 1e-15);
        assertArrayEquals(new double[] {-2, 2}, r.eigenvalues(), 1e-15);
        assertEquals(Kind.SADDLE, r.verdict().kind());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Method.class, names = {"CLOSED_FORM", "NEWTON"})
    void functionWithAMaximum(Method method) {
        MinimizationResult r = run(method, "-(x1^2) - 2*x2^2 + x1*x2", 1, 2);
        assertArrayEquals(new double[] {0, 0}, r.x(), 1e-15);
        assertEquals(Kind.MAXIMUM, r.verdict().kind());
        assertTrue(r.eigenvalues()[1] < 0);
    }

    @Test
    void gradientDescentOnAFunctionWithOnlyAMaximumRunsAway() {
        MinimizationResult r = run(Method.GRADIENT_DESCENT, "-(x1^2) - 2*x2^2 + x1*x2", 1, 2);
        assertEquals(StopReason.DIVERGED, r.stopReason());
        assertTrue(r.message().contains("grow without bound"), r.message());
    }

    @Test
    void rosenbrockByNewton() {
        MinimizationResult r = run(Method.NEWTON, ROSENBROCK, -1.2, 1);
        assertEquals(StopReason.GRADIENT_NORM, r.stopReason());
        assertArrayEquals(new double[] {1, 1}, r.x(), 1e-12);
        assertTrue(r.iterations() <= 10, "Newton took " + r.iterations());
        assertEquals(Kind.MINIMUM, r.verdict().kind());
        assertArrayEquals(HessianFixtures.matrix("rosenbrock_min", "hessian"), r.hessian());
    }

    @Test
    void rosenbrockByLineSearch() {
        // Steepest descent crawls along the banana valley (κ ≈ 2500 at the minimum): slow, but it gets there.
        MinimizationResult r = run(Method.LINE_SEARCH, ROSENBROCK, -1.2, 1);
        assertTrue(r.converged(), r.report());
        assertArrayEquals(new double[] {1, 1}, r.x(), 1e-3);
        assertEquals(Kind.MINIMUM, r.verdict().kind());
        for (int k = 1; k < r.trace().size(); k++) {
            assertTrue(r.trace().get(k).value() < r.trace().get(k - 1).value(), "Armijo decreases f at every step");
        }
    }

    @Test
    void maxIterationsGuard() {
        MinimizationResult r = new Minimizer(MinimizerOptions.of(Method.GRADIENT_DESCENT).withMaxIterations(5))
                .minimize(Objective.parse(LECTURE), new double[3]);
        assertEquals(StopReason.MAX_ITERATIONS, r.stopReason());
        assertFalse(r.converged());
        assertEquals(5, r.iterations());
        assertEquals(6, r.trace().size());
        assertTrue(r.report().contains("not converged"), r.report());
    }

    @Test
    void javaObjective() {
        Objective f = Objective.of("sum of (x - 3)^2", 4, x -> x.add(-3.0).square().sum());
        MinimizationResult r = new Minimizer(MinimizerOptions.of(Method.NEWTON)).minimize(f, new double[4]);
        assertArrayEquals(new double[] {3, 3, 3, 3}, r.x(), 1e-12);
        assertEquals(Kind.MINIMUM, r.verdict().kind());
        assertEquals(0, r.gradientNorm(), 1e-12);
    }
}
