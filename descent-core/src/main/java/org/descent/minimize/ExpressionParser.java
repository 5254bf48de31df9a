package org.descent.minimize;

/**
 * The recursive-descent parser for objectives written as text in the variables x1 … xn.
 * Grammar, from loosest to tightest binding:
 * <pre>
 * sum     = product (('+' | '-') product)*
 * product = unary (('*' | '/') unary)*
 * unary   = '-' unary | power
 * power   = primary ('^' unary)?          right associative: 2^3^2 = 2^9
 * primary = number | x&lt;i&gt; | function '(' sum ')' | '(' sum ')'
 * </pre>
 * so {@code ^} binds tighter than unary minus ({@code -x1^2 = -(x1^2)}), as in Python and in
 * the PyTorch fixtures. Numbers have optional decimals and exponent ({@code 1.5e-3}); the
 * functions are {@code exp log sin cos tanh sigmoid softplus sqrt abs}. Errors are
 * {@link ExpressionException}s naming the column.
 *
 * <p>Limits, so that no text can exhaust the stack or the heap: brackets, function calls, unary
 * minus signs and exponents nest at most {@value #MAX_NESTING} deep (sums and products of any
 * length are fine), and the variables go up to x{@value #MAX_VARIABLE} (the Hessian of n
 * variables holds n² values: 8 MB at the limit).
 */
public final class ExpressionParser {
    /** The deepest nesting of brackets, calls, unary minus signs and exponents. */
    public static final int MAX_NESTING = 256;
    /** The highest variable index: x1 … x1000. */
    public static final int MAX_VARIABLE = 1000;

    private final String text;
    private int position;
    private int nesting;

    private ExpressionParser(String text) {
        this.text = text;
    }

    /** The syntax tree of {@code expression}; see {@link Objective#parse(String)} to minimize it. */
    static Expression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new ExpressionException("empty expression", expression == null ? "" : expression, 1);
        }
        ExpressionParser parser = new ExpressionParser(expression);
        Expression result = parser.sum();
        parser.skipSpaces();
        if (parser.position < expression.length()) {
            throw parser.unexpected();
        }
        return result;
    }

    /** The number of variables the expression uses: the highest i among its xi. */
    public static int variableCount(String expression) {
        return parse(expression).highestVariable();
    }

    private Expression sum() {
        int start = startOfNext();
        Expression left = product();
        while (peek() == '+' || peek() == '-') {
            char operator = text.charAt(position++);
            left = new Expression.Binary(operator, left, product(), span(start));
        }
        return left;
    }

    private Expression product() {
        int start = startOfNext();
        Expression left = unary();
        while (peek() == '*' || peek() == '/') {
            char operator = text.charAt(position++);
            left = new Expression.Binary(operator, left, unary(), span(start));
        }
        return left;
    }

    private Expression unary() {
        int start = startOfNext();
        if (peek() == '-') {
            position++;
            enter(start);
            Expression operand = unary();
            nesting--;
            return new Expression.Negation(operand, span(start));
        }
        return power();
    }

    private Expression power() {
        int start = startOfNext();
        Expression base = primary();
        if (peek() == '^') {
            position++;
            enter(start);
            Expression exponent = unary();
            nesting--;
            return new Expression.Binary('^', base, exponent, span(start));
        }
        return base;
    }

    private Expression primary() {
        int start = startOfNext();
        char c = peek();
        if (c == '(') {
            position++;
            enter(start);
            Expression inner = sum();
            expect(')', "a closing ')' for the '(' at column " + (start + 1));
            nesting--;
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number(start);
        }
        if (Character.isLetter(c)) {
            return name(start);
        }
        throw unexpected();
    }

    private Expression number(int start) {
        while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
            position++;
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            position++;
            if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                position++;
            }
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
        }
        String literal = text.substring(start, position);
        try {
            return new Expression.Constant(Double.parseDouble(literal), span(start));
        } catch (NumberFormatException e) {
            throw new ExpressionException("malformed number '" + literal + "'", text, start + 1);
        }
    }

    private Expression name(int start) {
        while (position < text.length() && Character.isLetterOrDigit(text.charAt(position))) {
            position++;
        }
        String name = text.substring(start, position);
        boolean call = peek() == '(';
        if (Expression.FUNCTIONS.containsKey(name)) {
            if (!call) {
                throw new ExpressionException("function '" + name + "' without an argument",
                        "write it as " + name + "(x1)", text, start + 1);
            }
            position++;
            enter(start);
            Expression argument = sum();
            expect(')', "a closing ')' for " + name + "(");
            nesting--;
            return new Expression.Call(name, argument, span(start));
        }
        if (call) {
            throw new ExpressionException("unknown function '" + name + "'", "known functions are "
                    + String.join(", ", Expression.FUNCTIONS.keySet()), text, start + 1);
        }
        if (name.matches("x[1-9][0-9]*")) {
            if (name.length() > 5 || Integer.parseInt(name.substring(1)) > MAX_VARIABLE) {
                throw new ExpressionException("variable '" + name + "' is beyond x" + MAX_VARIABLE,
                        "the minimizer handles up to " + MAX_VARIABLE + " variables (its Hessian holds n² values)",
                        text, start + 1);
            }
            return new Expression.Variable(Integer.parseInt(name.substring(1)), span(start));
        }
        throw new ExpressionException("unknown variable '" + name + "'", "variables are x1, x2, x3, …", text, start + 1);
    }

    private void expect(char c, String what) {
        if (peek() != c) {
            throw position < text.length()
                    ? new ExpressionException("expected " + what + " but found '" + text.charAt(position) + "'", text, position + 1)
                    : new ExpressionException("expected " + what + " but the expression ended", text, position + 1);
        }
        position++;
    }

    private ExpressionException unexpected() {
        return position < text.length()
                ? new ExpressionException("unexpected '" + text.charAt(position) + "'", text, position + 1)
                : new ExpressionException("unexpected end of expression", text, position + 1);
    }

    /** The next non-space character, or 0 at the end. */
    private char peek() {
        skipSpaces();
        return position < text.length() ? text.charAt(position) : 0;
    }

    private int startOfNext() {
        skipSpaces();
        return position;
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private Expression.Span span(int start) {
        return new Expression.Span(text, start, position);
    }

    /** One level deeper; refused beyond {@link #MAX_NESTING}, at the column where that level starts. */
    private void enter(int start) {
        if (++nesting > MAX_NESTING) {
            throw new ExpressionException("expression nests deeper than " + MAX_NESTING + " levels",
                    "brackets, functions, minus signs and exponents count one level each", text, start + 1);
        }
    }
}
