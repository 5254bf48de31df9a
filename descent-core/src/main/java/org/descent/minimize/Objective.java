package org.descent.minimize;

import java.util.List;
import java.util.function.Function;
import org.descent.DescentException;
import org.descent.autograd.Backprop;
import org.descent.autograd.NoGrad;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * A scalar function f: ℝⁿ → ℝ of a float64 vector x of shape [n], written with Descent tensor
 * operations ({@link #of}) or parsed from text in x1 … xn ({@link #parse}). Its gradient and
 * Hessian come from backpropagation through those operations; see {@link Curvature}.
 * <pre>{@code
 * Objective f = Objective.parse("x1^2 + x1*(1-x2) + x2^2 - x2*x3 + x3^2 + x3");
 * Objective g = Objective.of("sum of squares", 3, x -> x.square().sum());
 * }</pre>
 */
public final class Objective {
    private final String description;
    private final int dimension;
    private final Function<Tensor, Tensor> function;
    private final Expression expression;

    private Objective(String description, int dimension, Function<Tensor, Tensor> function, Expression expression) {
        if (dimension < 1) {
            throw new DescentException("objective '" + description + "' needs at least one variable, got " + dimension);
        }
        this.description = description;
        this.dimension = dimension;
        this.function = function;
        this.expression = expression;
    }

    /** An objective from tensor code: {@code function} maps x of shape [n] to one value. */
    public static Objective of(String description, int dimension, Function<Tensor, Tensor> function) {
        return new Objective(description, dimension, function, null);
    }

    /** Parses {@code expression}; its variable count is the highest i among the xi it uses. */
    public static Objective parse(String expression) {
        Expression tree = ExpressionParser.parse(expression);
        if (tree.highestVariable() == 0) {
            throw new DescentException("expression '" + expression + "' uses no variable; write it in x1, x2, …");
        }
        return fromTree(expression, tree, tree.highestVariable());
    }

    /** Parses {@code expression} as a function of {@code dimension} variables (some may be unused). */
    public static Objective parse(String expression, int dimension) {
        Expression tree = ExpressionParser.parse(expression);
        if (tree.highestVariable() > dimension) {
            throw new DescentException("expression '" + expression + "' uses x" + tree.highestVariable()
                    + " but the objective has " + dimension + " variables");
        }
        return fromTree(expression, tree, dimension);
    }

    private static Objective fromTree(String text, Expression tree, int dimension) {
        return new Objective(text.trim(), dimension, x -> tree.evaluate(variables(x, dimension), null), tree);
    }

    /** x1 … xn as scalar tensors taken from x (so gradients flow back into x). */
    static Tensor[] variables(Tensor x, int dimension) {
        Tensor[] v = new Tensor[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = x.slice(0, i, i + 1).reshape();
        }
        return v;
    }

    /** The expression text, or the name given to {@link #of}. */
    public String description() {
        return description;
    }

    /** The number of variables n. */
    public int dimension() {
        return dimension;
    }

    /** f(x) as a one-element tensor of shape [], recording the graph if x requires gradients. */
    public Tensor apply(Tensor x) {
        if (x.shape().rank() != 1 || x.size() != dimension) {
            throw new DescentException("objective '" + description + "' takes a vector of " + dimension
                    + " values, got shape " + x.shape());
        }
        Tensor y = function.apply(x);
        if (y.size() != 1) {
            throw new DescentException("objective '" + description + "' must return one value, got shape " + y.shape());
        }
        return y.shape().rank() == 0 ? y : y.reshape();
    }

    /** f(x), with no graph; may be NaN or infinite (see {@link #explainNonFinite}). */
    public double value(double[] x) {
        requireLength(x, "the point");
        try (NoGrad scope = NoGrad.enter()) {
            return apply(Tensor.of(x.clone(), dimension)).item();
        }
    }

    /** ∇f(x) by backpropagation. */
    public double[] gradient(double[] x) {
        requireLength(x, "the point");
        Tensor leaf = Tensor.of(x.clone(), dimension).requiresGrad(true);
        Tensor y = apply(leaf);
        return Backprop.gradients(y, Tensor.scalar(1.0, DType.FLOAT64), List.of(leaf), false)[0].toDoubleArray();
    }

    /** Value, gradient, Hessian-vector products and the exact Hessian at x. */
    public Curvature curvature(double[] x) {
        requireLength(x, "the point");
        Tensor leaf = Tensor.of(x.clone(), dimension).requiresGrad(true);
        return Curvature.at(() -> apply(leaf), List.of(leaf));
    }

    /** Throws unless {@code x} has n values; {@code role} names it ("the start point"). */
    public void requireLength(double[] x, String role) {
        if (x.length != dimension) {
            throw new DescentException(role + " has " + x.length + " values but the objective '" + description
                    + "' has " + dimension + " variables (x1 … x" + dimension + ")");
        }
    }

    /**
     * Why f is not finite at x: for a parsed expression, the innermost sub-expression whose value
     * stopped being finite ("log of a negative number: log(x1 - 3) with x1 - 3 = -2").
     */
    public String explainNonFinite(double[] x) {
        String point = " at x = " + Vectors.format(x);
        if (expression == null) {
            return "objective '" + description + "' = " + value(x) + point;
        }
        String[] first = new String[1];
        try (NoGrad scope = NoGrad.enter()) {
            expression.evaluate(variables(Tensor.of(x.clone(), dimension), dimension), (node, result, inputs) -> {
                if (first[0] == null && !result.allFinite() && allFinite(inputs)) {
                    first[0] = Diagnosis.describe(node, result, inputs);
                }
            });
        }
        return (first[0] == null ? "'" + description + "' = " + value(x) : first[0]) + point;
    }

    private static boolean allFinite(Tensor[] tensors) {
        for (Tensor t : tensors) {
            if (!t.allFinite()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Objective(" + description + ", n=" + dimension + ")";
    }
}
