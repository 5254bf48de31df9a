package org.descent.minimize;

import org.descent.DescentException;
import org.descent.optim.StepSize;

/** One step of an iterative method: from x_k (with f(x_k) and ∇f(x_k)) to x_{k+1}. */
interface StepRule {
    /** The next point and the step size used, or null if no step decreases f (line search). */
    Step next(int k, double[] x, double value, double[] gradient);

    /** x_{k+1} and the step size η that produced it. */
    record Step(double[] x, double stepSize) {
    }

    static StepRule of(Objective f, MinimizerOptions options) {
        StepSize eta = options.stepSize();
        return switch (options.method()) {
            case GRADIENT_DESCENT -> (k, x, value, g) -> new Step(Vectors.addScaled(x, -eta.at(k), g), eta.at(k));
            case SIGN -> (k, x, value, g) -> new Step(Vectors.addScaled(x, -eta.at(k), signs(g)), eta.at(k));
            case LINE_SEARCH -> new BacktrackingLineSearch(f, eta);
            case NEWTON -> (k, x, value, g) -> {
                double[][] h = f.curvature(x).hessian();
                String what = "Newton's method at iteration " + k + ": the Hessian at x = " + Vectors.format(x);
                if (!allFinite(h)) {
                    throw new DescentException(what + " is not finite");
                }
                return new Step(Vectors.addScaled(x, -1.0, LinearSystem.solve(h, g, what)), 1.0);
            };
            case CLOSED_FORM -> throw new DescentException("the closed form is not an iterative method");
        };
    }

    private static double[] signs(double[] g) {
        double[] s = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            s[i] = Math.signum(g[i]);
        }
        return s;
    }

    private static boolean allFinite(double[][] m) {
        for (double[] row : m) {
            if (!Vectors.allFinite(row)) {
                return false;
            }
        }
        return true;
    }
}
