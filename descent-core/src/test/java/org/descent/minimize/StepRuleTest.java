package org.descent.minimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.descent.optim.StepSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every step rule on the convex quadratic f = x1² + 2·x2² + x1·x2 − x1 (Hessian [[2, 1], [1, 4]],
 * λ = 3 ∓ √2 ≈ 1.59, 4.41; minimizer (4/7, −1/7)) from (2, −1), within a stated number of steps.
 */
class StepRuleTest {
    static final String QUADRATIC = "x1^2 + 2*x2^2 + x1*x2 - x1";
    static final double[] MINIMIZER = {4.0 / 7, -1.0 / 7};

    static Stream<Arguments> rules() {
        MinimizerOptions base = MinimizerOptions.of(Method.GRADIENT_DESCENT).withEps1(0).withEps2(1e-10);
        return Stream.of(
            Arguments.of("closed form", base.withMethod(Method.CLOSED_FORM), 1),
            Arguments.of("newton", base.withMethod(Method.NEWTON), 1),
            Arguments.of("gd fixed eta = 0.2", base.withLearningRate(0.2), 80),
            Arguments.of("gd inverse-time eta_k = 0.3/(1 + 0.01k)", base.withStepSize(StepSize.inverseTime(0.3, 0.01)), 70),
            Arguments.of("gd exponential eta_k = 0.3·0.995^k", base.withStepSize(StepSize.exponential(0.3, 0.995)), 60),
            Arguments.of("sign eta_k = 0.5·0.9^k", base.withMethod(Method.SIGN).withStepSize(StepSize.exponential(0.5, 0.9))
                    .withEps2(1e-6), 120),
            Arguments.of("line search", MinimizerOptions.of(Method.LINE_SEARCH).withEps1(0).withEps2(1e-7), 30));
    }

    @ParameterizedTest(name = "{0} within {2} steps")
    @MethodSource("rules")
    void convergesOnAConvexQuadratic(String name, MinimizerOptions options, int maxSteps) {
        MinimizationResult r = new Minimizer(options).minimize(Objective.parse(QUADRATIC), new double[] {2, -1});
        assertTrue(r.converged(), name + ":\n" + r.report());
        assertTrue(r.iterations() <= maxSteps, name + " took " + r.iterations() + " steps");
        assertArrayEquals(MINIMIZER, r.x(), options.eps2() >= 1e-7 ? 1e-6 : 1e-9, name);
    }

    @Test
    void lineSearchStopsAtTheRoundingFloorOfF() {
        // Armijo compares values of f ≈ −0.29, which cannot resolve decreases below ~1e-17: ‖∇f‖ ≈ 1e-8.
        MinimizationResult r = new Minimizer(MinimizerOptions.of(Method.LINE_SEARCH).withEps1(0).withEps2(1e-14))
                .minimize(Objective.parse(QUADRATIC), new double[] {2, -1});
        assertEquals(StopReason.STALLED, r.stopReason());
        assertTrue(r.gradientNorm() < 1e-6, r.report());
        assertTrue(r.report().contains("line search found no decrease"), r.report());
    }

    @Test
    void valueChangeRuleStopsFirstWhenLoose() {
        MinimizationResult r = new Minimizer(MinimizerOptions.of(Method.GRADIENT_DESCENT).withEps1(1e-3).withEps2(0))
                .minimize(Objective.parse(QUADRATIC), new double[] {2, -1});
        assertEquals(StopReason.VALUE_CHANGE, r.stopReason());
        int k = r.iterations();
        assertTrue(Math.abs(r.trace().get(k).value() - r.trace().get(k - 1).value()) < 1e-3);
        assertTrue(Math.abs(r.trace().get(k - 1).value() - r.trace().get(k - 2).value()) >= 1e-3);
    }

    @Test
    void aFixedStepAboveTwoOverLambdaMaxIsReportedAsDivergent() {
        double lambdaMax = 3 + Math.sqrt(2);
        Objective f = Objective.parse(QUADRATIC);
        MinimizationResult stable = new Minimizer(MinimizerOptions.of(Method.GRADIENT_DESCENT)
                .withLearningRate(0.95 * 2 / lambdaMax)).minimize(f, new double[] {2, -1});
        assertTrue(stable.converged(), stable.report());
        MinimizationResult r = new Minimizer(MinimizerOptions.of(Method.GRADIENT_DESCENT)
                .withLearningRate(1.05 * 2 / lambdaMax)).minimize(f, new double[] {2, -1});
        assertEquals(StopReason.DIVERGED, r.stopReason());
        assertTrue(r.message().contains("grow without bound") && r.message().contains("eta > 2/lambda_max"), r.message());
        assertNull(r.verdict());
        assertTrue(r.iterations() < 1000, "detected after " + r.iterations() + " steps");
    }

    @Test
    void signRuleWithAFixedStepIsTheLecturesTrivialAlgorithm() {
        // x_{k+1} = x_k − sign(f'(x_k))·step: from 1 with step 0.25 on x², it reaches 0 exactly and stops.
        MinimizationResult r = new Minimizer(MinimizerOptions.of(Method.SIGN).withLearningRate(0.25))
                .minimize(Objective.parse("x1^2"), new double[] {1});
        assertEquals(StopReason.GRADIENT_NORM, r.stopReason());
        assertEquals(4, r.iterations());
        assertArrayEquals(new double[] {0}, r.x(), 0);
    }
}
