package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MinimizeCommandTest {
    private static final String LECTURE = "x1^2 + x1*(1-x2) + x2^2 - x2*x3 + x3^2 + x3";

    @Test
    void lectureExampleIsAMinimumAtMinusOnes() {
        for (String method : new String[] {"newton", "closed-form"}) {
            CliRun run = CliRun.of("minimize", LECTURE, "--method", method);
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("", run.err());
            assertEquals("(-1, -1, -1)", run.field("x:"));
            assertEquals("-1", run.field("f(x):"));
            assertArrayEquals(new double[] {2 - Math.sqrt(2), 2, 2 + Math.sqrt(2)},
                    CliRun.vector(run.field("eigenvalues:")), 1e-5);
            assertEquals("(0.585786, 2, 3.41421)", run.field("eigenvalues:"));
            assertTrue(run.field("verdict:").startsWith("MINIMUM"), run.out());
            assertTrue(run.out().contains("  [ 0  -1   2]"), run.out());
            assertTrue(Double.parseDouble(run.field("|grad f(x)|:")) < 1e-12, run.out());
        }
    }

    @Test
    void everyIterativeMethodFindsTheLectureMinimumFromAGivenStart() {
        String[][] runs = {
            {"--method", "gd", "--lr", "0.3"},
            {"--method", "line-search"},
            {"--method", "sign", "--lr", "0.002", "--max-iter", "2000"}};
        for (String[] options : runs) {
            String[] args = new String[options.length + 3];
            args[0] = "minimize";
            args[1] = LECTURE;
            args[2] = "--start=2,-3,0.5";
            System.arraycopy(options, 0, args, 3, options.length);
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exitCode(), options[1] + ": " + run.err());
            boolean sign = options[1].equals("sign");
            // The sign rule with a fixed step ends up oscillating within a few steps of the minimum.
            assertArrayEquals(new double[] {-1, -1, -1}, CliRun.vector(run.field("x:")), sign ? 0.01 : 1e-6, options[1]);
            assertTrue(run.field("stopped:").endsWith(sign ? "(not converged)" : "(converged)"), run.out());
            assertTrue(run.field("verdict:").startsWith("MINIMUM"), run.out());
        }
    }

    @Test
    void anExpressionMayStartWithAMinusSignAndAMaximumIsCalledOne() {
        CliRun run = CliRun.of("minimize", "-x1^2 - (x2 - 1)^2", "--start=0.5,0.5");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("(0, 1)", run.field("x:"));
        assertTrue(run.field("verdict:").startsWith("MAXIMUM"), run.out());
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(new String[] {"x1^2 + (x2 * )"},
                        "expression 'x1^2 + (x2 * )': unexpected ')' at column 14"),
                Arguments.of(new String[] {"x1 + y"}, "unknown variable 'y' at column 6"),
                Arguments.of(new String[] {"cosh(x1)"}, "unknown function 'cosh' at column 1"),
                Arguments.of(new String[] {"x1 + x2 + x3", "--start", "1,2"},
                        "the start point has 2 values but the objective 'x1 + x2 + x3' has 3 variables"),
                Arguments.of(new String[] {"x2 + log(x1 - 3)", "--start", "1,5"},
                        "f is not finite at the start point: log of a negative number: log(x1 - 3) with x1 - 3 = -2"),
                Arguments.of(new String[] {"x1^2", "--start", "1,a"}, "--start 1,a: value 2 ('a') is not a number"),
                Arguments.of(new String[] {"x1^2", "--method", "bfgs"}, "unknown method 'bfgs'; choose one of"),
                Arguments.of(new String[] {"x1^2", "--lr", "0.1"}, "--lr has no effect with method newton"),
                Arguments.of(new String[] {"x1^2", "--method", "gd", "--lr", "-0.1"},
                        "learning rate must be positive, got -0.1"),
                Arguments.of(new String[] {"(1-x1)^2 + 100*(x2-x1^2)^2", "--method", "closed-form"},
                        "the closed form needs a quadratic objective"),
                Arguments.of(new String[] {"x1^2 + x3", "--plot", "never.png"},
                        "--plot draws contour lines of a function of two variables, but 'x1^2 + x3' has 3"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputIsOneLineAndExitCodeTwo(String[] arguments, String message) {
        String[] args = new String[arguments.length + 1];
        args[0] = "minimize";
        System.arraycopy(arguments, 0, args, 1, arguments.length);
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("descent: "), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aNonFiniteValueDuringIterationPrintsTheReportAndFails() {
        CliRun run = CliRun.of("minimize", "log(x1) + x1^2", "--method", "gd", "--lr", "1", "--start", "1");
        assertEquals(2, run.exitCode());
        assertTrue(run.field("stopped:").startsWith("diverged after 0 iterations"), run.out());
        assertEquals(1, run.errLines().length, run.err());
        assertEquals("descent: the minimization diverged: the step to iteration 1 gives a non-finite value: log of a negative number: "
                + "log(x1) with x1 = -2 at x = (-2)", run.errLines()[0]);
    }

    @Test
    void aStepTooLargeForTheCurvatureIsReportedAsDivergent() {
        // λ_max = 3 + √2 ≈ 4.41, so η = 0.5 > 2/λ_max ≈ 0.45.
        CliRun run = CliRun.of("minimize", "x1^2 + 2*x2^2 + x1*x2 - x1", "--method", "gd", "--lr", "0.5",
                "--start=1,1");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("descent: the minimization diverged: iterates grow without bound"), run.err());
        assertTrue(run.err().contains("eta > 2/lambda_max"), run.err());
    }
}
