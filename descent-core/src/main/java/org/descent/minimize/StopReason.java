package org.descent.minimize;

/** Why {@link Minimizer} stopped. */
public enum StopReason {
    /** ‖∇f(x_k)‖ &lt; ε₂. */
    GRADIENT_NORM(true, "gradient norm below eps2"),
    /** |f(x_{k+1}) − f(x_k)| &lt; ε₁. */
    VALUE_CHANGE(true, "value change below eps1"),
    /** The closed form solved ∇f = 0 directly. */
    SOLVED(true, "solved the linear system grad f = 0"),
    /** The maximum number of iterations was reached first. */
    MAX_ITERATIONS(false, "maximum number of iterations reached"),
    /** No step along −∇f decreases f any more (rounding), though the gradient is not small. */
    STALLED(false, "line search found no decrease"),
    /** A non-finite value, or iterates growing without bound. */
    DIVERGED(false, "diverged");

    private final boolean converged;
    private final String description;

    StopReason(boolean converged, String description) {
        this.converged = converged;
        this.description = description;
    }

    /** True for the stop rules that mean success. */
    public boolean converged() {
        return converged;
    }

    /** A short phrase for reports. */
    public String description() {
        return description;
    }
}
