package org.descent.minimize;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.descent.testing.Bounded;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the expression parser: the input as UTF-8 text is parsed, and what parses is evaluated
 * with its gradient at x = (0.5, …, 0.5), all within the bounds of {@link Bounded}.
 */
@Tag("fuzz")
class ExpressionFuzzTest {
    static {
        // Class loading and first-use initialization are not the input's doing: done once, unmeasured.
        Bounded.warmUp(() -> fuzzerTestOneInput("x1^2 + x1*(1-x2) + exp(x2)".getBytes(StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "4s")
    void expression(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of the standalone Jazzer driver ({@code tools/fuzz}). */
    public static void fuzzerTestOneInput(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Bounded.check(input.length, () -> {
            Objective f = Objective.parse(text);
            double[] x = new double[f.dimension()];
            Arrays.fill(x, 0.5);
            f.value(x);
            f.gradient(x);
        });
    }
}
