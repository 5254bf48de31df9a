package org.descent.minimize;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.descent.DescentException;

/** How {@link Minimizer} looks for x with ∇f(x) = 0; each has the name the command line uses. */
public enum Method {
    /** Solve ∇f(x) = 0 as the linear system H x = H x₀ − ∇f(x₀): only for quadratic f (constant H). */
    CLOSED_FORM("closed-form", 1.0),
    /** Newton's method on ∇f = 0: x_{k+1} = x_k − H(x_k)⁻¹ ∇f(x_k). */
    NEWTON("newton", 1.0),
    /** Gradient descent x_{k+1} = x_k − η_k ∇f(x_k), with a fixed η or a schedule η_k. */
    GRADIENT_DESCENT("gd", 0.1),
    /** The lecture's "trivial algorithm", per coordinate: x_{k+1} = x_k − sign(∇f(x_k))·η_k. */
    SIGN("sign", 0.1),
    /** Gradient descent with a backtracking (Armijo) line search starting from η_k. */
    LINE_SEARCH("line-search", 1.0);

    private final String cliName;
    private final double defaultStepSize;

    Method(String cliName, double defaultStepSize) {
        this.cliName = cliName;
        this.defaultStepSize = defaultStepSize;
    }

    /** The command-line name: closed-form, newton, gd, sign, line-search. */
    public String cliName() {
        return cliName;
    }

    /** The step size η used when none is given (the first trial step for a line search). */
    public double defaultStepSize() {
        return defaultStepSize;
    }

    /** The method with command-line name {@code name}. */
    public static Method fromName(String name) {
        for (Method m : values()) {
            if (m.cliName.equals(name)) {
                return m;
            }
        }
        throw new DescentException("unknown method '" + name + "'; choose one of "
                + Arrays.stream(values()).map(Method::cliName).collect(Collectors.joining(", ")));
    }
}
