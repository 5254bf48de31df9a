package org.descent.minimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.descent.DescentException;

/**
 * Minimizes an {@link Objective} from a start point x₀ with the {@link Method} of its
 * {@link MinimizerOptions}. The iterative methods step x_{k+1} = x_k + s_k and stop at the first of
 * <ul>
 * <li>‖∇f(x_k)‖ &lt; ε₂ ({@link StopReason#GRADIENT_NORM});
 * <li>|f(x_{k+1}) − f(x_k)| &lt; ε₁ ({@link StopReason#VALUE_CHANGE});
 * <li>k = the maximum number of iterations ({@link StopReason#MAX_ITERATIONS});
 * <li>a non-finite x, f or ∇f, or iterates growing without bound: ‖x_k‖ &gt; 10⁸(1 + ‖x₀‖) or
 *     |f(x_k)| &gt; 10¹²(1 + |f(x₀)|) ({@link StopReason#DIVERGED}, with the reason in the message).
 * </ul>
 * Bad input is refused before any step with a {@link DescentException}: a start point of the
 * wrong length, or f or ∇f not finite at the start (naming the sub-expression at fault).
 */
public final class Minimizer {
    private final MinimizerOptions options;

    public Minimizer(MinimizerOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public MinimizationResult minimize(Objective f, double[] start) {
        f.requireLength(start, "the start point");
        double f0 = f.value(start);
        if (!Double.isFinite(f0)) {
            throw new DescentException("f is not finite at the start point: " + f.explainNonFinite(start));
        }
        double[] g0 = f.gradient(start);
        if (!Vectors.allFinite(g0)) {
            throw new DescentException("the gradient of '" + f.description() + "' is not finite at the start point x = "
                    + Vectors.format(start) + ": " + Vectors.format(g0) + "; choose another start point");
        }
        if (options.method() == Method.CLOSED_FORM) {
            return ClosedForm.solve(f, start, options);
        }
        return iterate(f, start, f0, g0);
    }

    private MinimizationResult iterate(Objective f, double[] start, double f0, double[] g0) {
        StepRule rule = StepRule.of(f, options);
        List<Iterate> trace = new ArrayList<>();
        double[] x = start.clone();
        double value = f0;
        double[] g = g0;
        trace.add(new Iterate(0, x, value, Vectors.norm(g), 0));
        double xLimit = 1e8 * (1 + Vectors.norm(start));
        double fLimit = 1e12 * (1 + Math.abs(f0));
        for (int k = 0; ; k++) {
            if (Vectors.norm(g) < options.eps2()) {
                return finish(f, x, StopReason.GRADIENT_NORM, "", trace);
            }
            if (k >= options.maxIterations()) {
                return finish(f, x, StopReason.MAX_ITERATIONS, "", trace);
            }
            StepRule.Step step = rule.next(k, x, value, g);
            if (step == null) {
                return finish(f, x, StopReason.STALLED, "no step along -grad f decreases f at iteration " + (k + 1), trace);
            }
            double next = f.value(step.x());
            if (!Vectors.allFinite(step.x()) || !Double.isFinite(next)) {
                String why = Vectors.allFinite(step.x()) ? f.explainNonFinite(step.x()) : "x = " + Vectors.format(step.x());
                return diverged(f, x, value, g, trace, "the step to iteration " + (k + 1) + " gives a non-finite value: " + why);
            }
            double[] nextGradient = f.gradient(step.x());
            trace.add(new Iterate(k + 1, step.x(), next, Vectors.norm(nextGradient), step.stepSize()));
            if (!Vectors.allFinite(nextGradient)) {
                return diverged(f, step.x(), next, null, trace, "non-finite gradient at iteration " + (k + 1)
                        + " at x = " + Vectors.format(step.x()));
            }
            if (Vectors.norm(step.x()) > xLimit || Math.abs(next) > fLimit) {
                return diverged(f, step.x(), next, nextGradient, trace, "iterates grow without bound at iteration "
                        + (k + 1) + " (f = " + Vectors.format(next) + ", |x| = " + Vectors.format(Vectors.norm(step.x()))
                        + "): f may be unbounded below, or the step size too large for the curvature (eta > 2/lambda_max)");
            }
            double change = Math.abs(next - value);
            x = step.x();
            value = next;
            g = nextGradient;
            if (Vectors.norm(g) >= options.eps2() && change < options.eps1()) {
                return finish(f, x, StopReason.VALUE_CHANGE, "", trace);
            }
        }
    }

    private MinimizationResult diverged(Objective f, double[] x, double value, double[] g, List<Iterate> trace,
                                        String message) {
        return new MinimizationResult(f.description(), options.method(), x, value, g, StopReason.DIVERGED, message,
                null, null, null, trace);
    }

    /** The result at x, with the Hessian, its eigenvalues and the verdict there. */
    static MinimizationResult finish(Objective f, double[] x, StopReason reason, String message, List<Iterate> trace,
                                     MinimizerOptions options) {
        Curvature curvature = f.curvature(x);
        double[][] hessian = curvature.hessian();
        double[] eigenvalues = null;
        CriticalPoint verdict = null;
        String note = message;
        boolean finite = true;
        for (double[] row : hessian) {
            finite &= Vectors.allFinite(row);
        }
        if (finite) {
            eigenvalues = SymmetricEigen.of(hessian).eigenvalues();
            verdict = CriticalPoint.classify(eigenvalues, options.eigenTolerance());
        } else {
            note = (message.isEmpty() ? "" : message + "; ") + "the Hessian is not finite at x, so there is no verdict";
        }
        return new MinimizationResult(f.description(), options.method(), x, curvature.value(), curvature.gradient(),
                reason, note, hessian, eigenvalues, verdict, trace);
    }

    private MinimizationResult finish(Objective f, double[] x, StopReason reason, String message, List<Iterate> trace) {
        return finish(f, x, reason, message, trace, options);
    }
}
