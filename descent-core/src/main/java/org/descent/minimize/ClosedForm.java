package org.descent.minimize;

import java.util.List;
import java.util.Random;
import org.descent.DescentException;

/**
 * The closed form for a quadratic f(x) = ½xᵀHx + bᵀx + c: its gradient ∇f(x) = ∇f(x₀) + H(x − x₀)
 * is linear, so ∇f = 0 is the linear system H x = H x₀ − ∇f(x₀), i.e. one exact Newton step.
 * Whether f is quadratic is checked by comparing its Hessian at x₀ with the Hessian at two
 * other (fixed, pseudo-random) points; it must be the same up to 1e-9 relative.
 */
final class ClosedForm {
    private ClosedForm() {
    }

    static MinimizationResult solve(Objective f, double[] start, MinimizerOptions options) {
        Curvature at = f.curvature(start);
        double[][] h = at.hessian();
        requireQuadratic(f, start, h);
        double[] step = LinearSystem.solve(h, at.gradient(),
                "the linear system grad f = 0 of '" + f.description() + "'");
        double[] x = Vectors.addScaled(start, -1.0, step);
        Iterate first = new Iterate(0, start, at.value(), at.gradientNorm(), 0);
        Iterate solution = new Iterate(1, x, f.value(x), Vectors.norm(f.gradient(x)), 1.0);
        return Minimizer.finish(f, x, StopReason.SOLVED, "", List.of(first, solution), options);
    }

    private static void requireQuadratic(Objective f, double[] start, double[][] h) {
        Random random = new Random(20240917L);
        double scale = 0;
        for (double[] row : h) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int probe = 0; probe < 2; probe++) {
            double[] point = start.clone();
            for (int i = 0; i < point.length; i++) {
                point[i] += random.nextDouble() - 0.5;
            }
            double[][] other = f.curvature(point).hessian();
            for (int i = 0; i < h.length; i++) {
                for (int j = 0; j < h.length; j++) {
                    if (!(Math.abs(other[i][j] - h[i][j]) <= 1e-9 * (1 + scale))) {
                        throw new DescentException("the closed form needs a quadratic objective, but the Hessian of '"
                                + f.description() + "' is not constant: H[" + (i + 1) + "][" + (j + 1) + "] = "
                                + Vectors.format(h[i][j]) + " at x = " + Vectors.format(start) + " but "
                                + Vectors.format(other[i][j]) + " at x = " + Vectors.format(point)
                                + "; use method newton or line-search");
                    }
                }
            }
        }
    }
}
