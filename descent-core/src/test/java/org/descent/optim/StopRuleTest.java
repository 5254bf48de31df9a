package org.descent.optim;

import static org.descent.optim.GradientDescentTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StopRuleTest {

    @Test
    void lossChangeFiresOnlyWhenTheChangeIsBelowEpsilon() {
        StopRule rule = StopRule.lossChange(0x1p-10); // ε₁ = 2⁻¹⁰ ≈ 0.001; the losses below are exact in binary
        Progress start = Progress.start(1.0, 2.0);
        assertTrue(rule.check(start).isEmpty(), "no previous loss at step 0");
        Progress p = start.next(0.5, 1.0);
        assertTrue(rule.check(p).isEmpty(), "a change of 0.5");
        p = p.next(0.5 + 0x1p-11, 1.0);
        assertTrue(rule.check(p).isPresent(), "a change of 2⁻¹¹, even upwards");
        assertEquals("loss changed by 4.8828125E-4 (from 0.5 to 0.50048828125) at step 2, less than 9.765625E-4",
                rule.check(p).get().message());
        assertTrue(rule.check(p.next(p.loss() - 0x1p-10, 1.0)).isEmpty(), "a change of exactly ε₁ is not below it");
        assertTrue(rule.check(p.next(Double.NaN, 1.0)).isEmpty(), "a NaN loss is for the divergence guard");
    }

    @Test
    void gradientNormFiresBelowEpsilonAndIgnoresAnUnmeasuredNorm() {
        StopRule rule = StopRule.gradientNorm(1e-6);
        assertTrue(rule.check(Progress.start(1.0, 1e-6)).isEmpty());
        assertTrue(rule.check(Progress.start(1.0, Double.NaN)).isEmpty());
        Optional<StopReason> reason = rule.check(new Progress(40, 0.25, 0.25, 3e-9));
        assertEquals("gradient norm 3.0E-9 at step 40 is less than 1.0E-6", reason.orElseThrow().message());
    }

    @Test
    void maxStepsFiresWhenTheStepsAreTaken() {
        StopRule rule = StopRule.maxSteps(3);
        Progress p = Progress.start(4.0, 1.0).next(3.0, 1.0).next(2.0, 1.0);
        assertTrue(rule.check(p).isEmpty());
        assertEquals("reached the maximum of 3 steps (loss 1.0)", rule.check(p.next(1.0, 1.0)).orElseThrow().message());
    }

    @Test
    void anyOfReportsTheFirstRuleThatFires() {
        StopRule lossChange = StopRule.lossChange(0.1);
        StopRule maxSteps = StopRule.maxSteps(2);
        StopRule both = lossChange.or(maxSteps);
        assertEquals("loss change < 0.1 or at most 2 steps", both.toString());
        Progress p = Progress.start(10.0, 1.0).next(5.0, 1.0);
        assertTrue(both.check(p).isEmpty());
        assertSame(maxSteps, both.check(p.next(1.0, 1.0)).orElseThrow().rule());
        assertSame(lossChange, both.check(p.next(4.95, 1.0)).orElseThrow().rule());
    }

    @Test
    void gradientDescentOnTheQuadraticStopsByGradientNormNotEarlier() {
        Quadratic q = new Quadratic();
        GradientDescent gd = new GradientDescent(q.parameters(), 0.1);
        StopRule rule = StopRule.gradientNorm(1e-6).or(StopRule.maxSteps(1000));
        Progress p = Progress.start(q.lossAndGradient(gd), GradientNorm.of(q.parameters()));
        Optional<StopReason> reason = rule.check(p);
        while (reason.isEmpty()) {
            gd.step();
            p = p.next(q.lossAndGradient(gd), GradientNorm.of(q.parameters()));
            reason = rule.check(p);
        }
        // ‖g‖ is dominated by the slow coordinate: g₁ = 0.9ᵏ, so ‖g‖ < 1e-6 first at k = ⌈6 / log₁₀(1/0.9)⌉ = 132
        assertEquals(132, p.step());
        assertTrue(reason.get().message().startsWith("gradient norm "), reason.get().message());
    }

    @Test
    void rulesAreValidatedWhenMade() {
        assertMessage("loss change threshold must be positive, got 0.0", () -> StopRule.lossChange(0));
        assertMessage("gradient norm threshold must be positive, got -1.0", () -> StopRule.gradientNorm(-1));
        assertMessage("maximum number of steps must be at least 1, got 0", () -> StopRule.maxSteps(0));
        assertMessage("anyOf needs at least one stop rule", StopRule::anyOf);
        assertMessage("step must be non-negative, got -1", () -> new Progress(-1, 0, 0, 0));
    }
}
