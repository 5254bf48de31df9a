package org.descent.minimize;

import org.descent.DescentException;

/**
 * An expression that does not parse, or names an unknown function or variable. The message
 * names the problem and the column, followed by the expression and a caret under that column:
 * <pre>
 * unexpected ')' at column 7
 *   x1 + ()
 *         ^
 * </pre>
 */
public class ExpressionException extends DescentException {
    private final int column;

    ExpressionException(String problem, String expression, int column) {
        this(problem, "", expression, column);
    }

    /** "problem at column c; hint", then the expression and the caret line. */
    ExpressionException(String problem, String hint, String expression, int column) {
        super(problem + " at column " + column + (hint.isEmpty() ? "" : "; " + hint) + "\n  " + expression + "\n  "
                + " ".repeat(column - 1) + "^");
        this.column = column;
    }

    /** The 1-based column of the offending character. */
    public int column() {
        return column;
    }
}
