package org.descent.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.DescentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {

    private static double eval(String expression, double... x) {
        return Objective.parse(expression, Math.max(1, x.length)).value(x.length == 0 ? new double[1] : x);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "-2^2; -4", "2^3^2; 512", "(2^3)^2; 64", "2^-1; 0.5", "1 - 2 - 3; -4", "12 / 3 / 2; 2",
        "2 + 3 * 4; 14", "(2 + 3) * 4; 20", "--3; 3", "1.5e1 + .5; 15.5", "2E-1 * 10; 2",
        "exp(0) + log(1) + sin(0) + cos(0) + tanh(0); 2", "sigmoid(0) + sqrt(16) + abs(-3); 7.5",
        "softplus(0); 0.6931471805599453", "x1^2 * 0 + 7; 7"})
    void precedenceAndAssociativity(String expression, double expected) {
        assertEquals(expected, eval(expression), 1e-15);
    }

    @Test
    void variablesAndGeneralPowers() {
        assertEquals(-9, eval("-x1^2", 3), 0);
        assertEquals(Math.pow(1.5, 2.5), eval("x1^x2", 1.5, 2.5), 1e-14);
        assertEquals(Math.pow(2, 0.5), eval("2^x1", 0.5), 1e-15);
        assertEquals(3, ExpressionParser.variableCount("x1 + x3"));
        assertEquals(3, Objective.parse("x1 + x3").dimension());
        assertEquals(5, Objective.parse("x1 + x3", 5).dimension());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "(x1 + ); unexpected ')'; 7",
        "x1 + * x2; unexpected '*'; 6",
        "x1 +; unexpected end of expression; 5",
        "(x1 + x2; expected a closing ')' for the '(' at column 1 but the expression ended; 9",
        "exp(x1; expected a closing ')' for exp( but the expression ended; 7",
        "2 x1; unexpected 'x'; 3",
        "x1 # 2; unexpected '#'; 4",
        "1.2.3 + x1; malformed number '1.2.3'; 1",
        "foo(x1); unknown function 'foo'; 1",
        "x1 + y; unknown variable 'y'; 6",
        "x0 * x1; unknown variable 'x0'; 1",
        "exp + x1; function 'exp' without an argument; 1"})
    void errorsNameTheColumn(String expression, String problem, int column) {
        ExpressionException e = assertThrows(ExpressionException.class, () -> Objective.parse(expression));
        assertEquals(column, e.column());
        String[] lines = e.getMessage().split("\n");
        assertTrue(lines[0].startsWith(problem), lines[0]);
        assertTrue(lines[0].startsWith(problem + " at column " + column), lines[0]);
        assertEquals("  " + expression, lines[1]);
        assertEquals(" ".repeat(column + 1) + "^", lines[2]);
    }

    @Test
    void unknownFunctionListsTheKnownOnes() {
        ExpressionException e = assertThrows(ExpressionException.class, () -> Objective.parse("cosh(x1)"));
        assertEquals("unknown function 'cosh' at column 1; known functions are exp, log, sin, cos, tanh, sigmoid,"
                + " softplus, sqrt, abs", e.getMessage().split("\n")[0]);
    }

    @Test
    void emptyOrConstantExpressionsAndTooFewVariablesAreRefused() {
        assertEquals(1, assertThrows(ExpressionException.class, () -> Objective.parse("  ")).column());
        DescentException constant = assertThrows(DescentException.class, () -> Objective.parse("1 + 2"));
        assertTrue(constant.getMessage().contains("uses no variable"), constant.getMessage());
        DescentException tooFew = assertThrows(DescentException.class, () -> Objective.parse("x1 + x4", 3));
        assertEquals("expression 'x1 + x4' uses x4 but the objective has 3 variables", tooFew.getMessage());
    }
}
