package org.descent.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.DescentException;
import org.descent.optim.StepSize;
import org.junit.jupiter.api.Test;

/** Each kind of bad input gets one clear message. */
class BadInputTest {

    private static String failure(Method method, String expression, double... start) {
        return assertThrows(DescentException.class,
                () -> new Minimizer(MinimizerOptions.of(method)).minimize(Objective.parse(expression), start)).getMessage();
    }

    @Test
    void startPointOfTheWrongLength() {
        assertEquals("the start point has 2 values but the objective 'x1 + x2 + x3' has 3 variables (x1 … x3)",
                failure(Method.NEWTON, "x1 + x2 + x3", 1, 2));
    }

    @Test
    void logOfANegativeNumberAtTheStart() {
        assertEquals("f is not finite at the start point: log of a negative number: log(x1 - 3) with x1 - 3 = -2"
                + " at x = (1, 5)", failure(Method.GRADIENT_DESCENT, "x2 + log(x1 - 3)", 1, 5));
    }

    @Test
    void otherDomainErrorsNameTheSubExpression() {
        Objective f = Objective.parse("x2 / (x1 - 1) + sqrt(x2) + x1^x2");
        assertEquals("division by zero: x2 / (x1 - 1) with (x1 - 1) = 0 at x = (1, 4)"
                .replace("(x1 - 1) = 0", "x1 - 1 = 0"), f.explainNonFinite(new double[] {1, 4}));
        assertEquals("square root of a negative number: sqrt(x2) with x2 = -4 at x = (2, -4)",
                f.explainNonFinite(new double[] {2, -4}));
        assertTrue(f.explainNonFinite(new double[] {-2, 0.5}).startsWith("power of a non-positive base: x1^x2 with x1 = -2"));
        assertEquals("overflow: exp(x1) = Infinity at x = (1000)", Objective.parse("exp(x1)").explainNonFinite(new double[] {1000}));
    }

    @Test
    void infiniteGradientAtTheStart() {
        assertTrue(failure(Method.GRADIENT_DESCENT, "sqrt(x1)", 0).startsWith("the gradient of 'sqrt(x1)' is not finite"));
    }

    @Test
    void nonFiniteValueDuringIterationIsReportedAsDivergence() {
        // From x = 1, f'(1) = 3 and a step of 1 lands on x = −2, where log is undefined.
        MinimizationResult r = new Minimizer(MinimizerOptions.of(Method.GRADIENT_DESCENT).withLearningRate(1))
                .minimize(Objective.parse("log(x1) + x1^2"), new double[] {1});
        assertEquals(StopReason.DIVERGED, r.stopReason());
        assertEquals("the step to iteration 1 gives a non-finite value: log of a negative number: log(x1) with x1 = -2 at x = (-2)",
                r.message());
        assertTrue(r.report().contains(r.message()));
    }

    @Test
    void closedFormRefusesNonQuadraticAndSingularObjectives() {
        String notQuadratic = failure(Method.CLOSED_FORM, MinimizerTest.ROSENBROCK, -1.2, 1);
        assertTrue(notQuadratic.startsWith("the closed form needs a quadratic objective, but the Hessian of"), notQuadratic);
        assertTrue(notQuadratic.endsWith("use method newton or line-search"), notQuadratic);
        assertEquals("the linear system grad f = 0 of '(x1 + x2)^2 + 1' is singular (the Hessian has rank below 2): "
                + "there is no unique solution of ∇f = 0", failure(Method.CLOSED_FORM, "(x1 + x2)^2 + 1", 1, 0));
    }

    @Test
    void newtonRefusesASingularHessian() {
        String message = failure(Method.NEWTON, "x1^3 + x2^2", 0.0, 1);
        assertTrue(message.startsWith("Newton's method at iteration 0: the Hessian at x = (0, 1) is singular"), message);
    }

    @Test
    void optionsAreValidated() {
        assertEquals("learning rate must be positive, got -0.1", assertThrows(DescentException.class,
                () -> MinimizerOptions.of(Method.GRADIENT_DESCENT).withLearningRate(-0.1)).getMessage());
        assertThrows(DescentException.class, () -> MinimizerOptions.of(Method.NEWTON).withEps1(-1));
        assertThrows(DescentException.class, () -> MinimizerOptions.of(Method.NEWTON).withEps2(Double.NaN));
        assertThrows(DescentException.class, () -> MinimizerOptions.of(Method.NEWTON).withMaxIterations(0));
        assertThrows(DescentException.class, () -> StepSize.exponential(0.1, 1.5));
        assertEquals("unknown method 'bfgs'; choose one of closed-form, newton, gd, sign, line-search",
                assertThrows(DescentException.class, () -> Method.fromName("bfgs")).getMessage());
        assertEquals(Method.LINE_SEARCH, Method.fromName("line-search"));
    }

    @Test
    void javaObjectiveMustReturnOneValue() {
        Objective f = Objective.of("identity", 2, x -> x);
        assertEquals("objective 'identity' must return one value, got shape [2]",
                assertThrows(DescentException.class, () -> f.value(new double[2])).getMessage());
    }
}
