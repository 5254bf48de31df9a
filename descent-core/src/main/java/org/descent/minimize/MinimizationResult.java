package org.descent.minimize;

import java.util.List;

/**
 * What {@link Minimizer} found: the point, its value and gradient, why it stopped, the Hessian
 * there with its eigenvalues and the {@link CriticalPoint} verdict, and the trace of iterates.
 * The Hessian, eigenvalues and verdict are null when the run diverged (or the Hessian is not
 * finite at x). {@link #report()} is the text the command line prints.
 */
public final class MinimizationResult {
    private final String objective;
    private final Method method;
    private final double[] x;
    private final double value;
    private final double[] gradient;
    private final StopReason stopReason;
    private final String message;
    private final double[][] hessian;
    private final double[] eigenvalues;
    private final CriticalPoint verdict;
    private final List<Iterate> trace;

    MinimizationResult(String objective, Method method, double[] x, double value, double[] gradient,
                       StopReason stopReason, String message, double[][] hessian, double[] eigenvalues,
                       CriticalPoint verdict, List<Iterate> trace) {
        this.objective = objective;
        this.method = method;
        this.x = x.clone();
        this.value = value;
        this.gradient = gradient == null ? null : gradient.clone();
        this.stopReason = stopReason;
        this.message = message;
        this.hessian = hessian;
        this.eigenvalues = eigenvalues;
        this.verdict = verdict;
        this.trace = List.copyOf(trace);
    }

    public String objective() { return objective; }
    public Method method() { return method; }
    /** The last point x reached (the minimizer when {@link #converged()}). */
    public double[] x() { return x.clone(); }
    /** f(x). */
    public double value() { return value; }
    /** ∇f(x), or null if it is not finite. */
    public double[] gradient() { return gradient == null ? null : gradient.clone(); }
    /** ‖∇f(x)‖ (NaN if the gradient is not finite). */
    public double gradientNorm() { return gradient == null ? Double.NaN : Vectors.norm(gradient); }
    /** The number of steps taken (the trace has one more entry: the start). */
    public int iterations() { return trace.size() - 1; }
    public StopReason stopReason() { return stopReason; }
    /** True if a stop rule ε₁ or ε₂ fired, or the closed form solved ∇f = 0. */
    public boolean converged() { return stopReason.converged(); }
    /** Details of why the run stopped, e.g. where a non-finite value appeared; empty if none. */
    public String message() { return message; }
    /** The Hessian at x, or null. */
    public double[][] hessian() { return hessian == null ? null : copy(hessian); }
    /** Its eigenvalues in ascending order, or null. */
    public double[] eigenvalues() { return eigenvalues == null ? null : eigenvalues.clone(); }
    /** The second-order verdict at x, or null. */
    public CriticalPoint verdict() { return verdict; }
    /** x_0, x_1, …: one entry per iterate. */
    public List<Iterate> trace() { return trace; }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    /** The multi-line summary printed by {@code descent minimize}. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("objective:   ").append(objective).append('\n');
        sb.append("method:      ").append(method.cliName()).append('\n');
        sb.append("stopped:     ").append(stopReason.description()).append(" after ").append(iterations())
                .append(iterations() == 1 ? " iteration" : " iterations")
                .append(converged() ? " (converged)" : " (not converged)").append('\n');
        if (!message.isEmpty()) {
            sb.append("             ").append(message).append('\n');
        }
        sb.append("x:           ").append(Vectors.format(x)).append('\n');
        sb.append("f(x):        ").append(Vectors.format(value)).append('\n');
        sb.append("|grad f(x)|: ").append(Vectors.format(gradientNorm())).append('\n');
        if (hessian != null) {
            sb.append("Hessian:\n").append(Vectors.format(hessian, "  ")).append('\n');
        }
        if (eigenvalues != null) {
            sb.append("eigenvalues: ").append(Vectors.format(eigenvalues)).append('\n');
        }
        if (verdict != null) {
            sb.append("verdict:     ").append(verdict.kind()).append(": ").append(verdict.kind().explanation());
            if (!converged()) {
                sb.append("\n             (the run did not converge, so x need not be a critical point)");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return report();
    }
}
