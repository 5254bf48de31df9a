package org.descent.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.descent.testing.Bounded;
import org.junit.jupiter.api.Test;

/** Issue 12, reproducers 8 and 12: no expression text exhausts the stack or the heap. */
class ExpressionLimitsTest {
    @Test
    void deepBracketsAreRefusedAtTheColumnWhereTheLimitIsPassed() {
        String text = "(".repeat(5000) + "x1" + ")".repeat(5000);
        var e = Bounded.refused(text.length(), () -> Objective.parse(text), "expression nests deeper than 256 levels",
                "at column 257");
        assertEquals(257, ((ExpressionException) e).column());
    }

    @Test
    void manyUnaryMinusSignsAreRefused() {
        String text = "-".repeat(10_000) + "x1";
        Bounded.refused(text.length(), () -> Objective.parse(text), "nests deeper than 256 levels");
        String exponents = "x1" + "^x1".repeat(3000);
        Bounded.refused(exponents.length(), () -> Objective.parse(exponents), "nests deeper than 256 levels");
    }

    @Test
    void nestingUpToTheLimitParses() {
        String text = "(".repeat(ExpressionParser.MAX_NESTING) + "x1" + ")".repeat(ExpressionParser.MAX_NESTING);
        assertEquals(1, Objective.parse(text).dimension());
    }

    @Test
    void aLongSumParsesAndEvaluatesWithoutCopyingItsText() {
        StringBuilder text = new StringBuilder("x1");
        for (int i = 0; i < 20_000; i++) {
            text.append(i % 2 == 0 ? " + x2" : " - 0.5*x1");
        }
        Objective[] f = new Objective[1];
        assertNull(Bounded.check(text.length(), () -> f[0] = Objective.parse(text.toString())));
        Tensor value = f[0].apply(Tensor.of(new double[] {2, 3}, 2));
        // x1 + 10000·x2 − 10000·0.5·x1 = 2 + 30000 − 10000
        assertEquals(20002.0, value.item(), 1e-9);
        assertEquals(DType.FLOAT64, value.dtype());
    }

    @Test
    void variablesBeyondTheLimitAreRefusedBeforeAnyHessian() {
        Bounded.refused(9, () -> Objective.parse("x30000^2"), "variable 'x30000' is beyond x1000");
        Bounded.refused(12, () -> Objective.parse("x12345678901"), "variable 'x12345678901' is beyond x1000");
        assertEquals(1000, Objective.parse("x1000^2").dimension());
    }
}
