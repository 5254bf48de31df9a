package org.descent.minimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The extreme eigenvalues of a symmetric operator A, given only products v ↦ Av, by the Lanczos
 * iteration with full reorthogonalization. After j steps, with orthonormal q₁ … q_j,
 * <pre>
 * w = A q_j − α_j q_j − β_{j−1} q_{j−1},  α_j = q_jᵀ A q_j,  β_j = ‖w‖,  q_{j+1} = w / β_j
 * </pre>
 * and the eigenvalues (Ritz values θ) of the tridiagonal T_j = tridiag(β, α, β) approximate
 * those of A, the extreme ones first. A Ritz pair (θ, s) has residual ‖Ay − θy‖ = β_j·|s_j|; the
 * iteration stops when both extreme residuals are below tol·max(1, |θ|), when β_j vanishes
 * (an invariant subspace: the Ritz values are exact), or after {@code maxSteps} (≤ n) steps.
 */
final class Lanczos {
    /** The Ritz values (ascending), the number of steps, and whether the extreme ones converged. */
    record Result(double[] ritzValues, int steps, boolean converged) {
        double min() {
            return ritzValues[0];
        }

        double max() {
            return ritzValues[ritzValues.length - 1];
        }
    }

    private Lanczos() {
    }

    static Result run(UnaryOperator<double[]> operator, int n, int maxSteps, double tolerance, long seed) {
        int m = Math.min(maxSteps, n);
        Random random = new Random(seed);
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = random.nextGaussian();
        }
        q = scaled(q, 1 / Vectors.norm(q));
        List<double[]> basis = new ArrayList<>();
        double[] alpha = new double[m];
        double[] beta = new double[m];
        for (int j = 0; ; j++) {
            basis.add(q);
            double[] w = operator.apply(q);
            alpha[j] = Vectors.dot(w, q);
            for (int pass = 0; pass < 2; pass++) {
                for (double[] previous : basis) {
                    w = Vectors.addScaled(w, -Vectors.dot(w, previous), previous);
                }
            }
            beta[j] = Vectors.norm(w);
            double scale = Math.max(Math.abs(alpha[j]), j > 0 ? beta[j - 1] : 0);
            boolean invariant = beta[j] <= 1e-12 * scale;
            if (invariant || j + 1 == m || (j + 1) % 5 == 0) {
                SymmetricEigen ritz = SymmetricEigen.of(tridiagonal(alpha, beta, j + 1));
                double[] theta = ritz.eigenvalues();
                double[][] s = ritz.eigenvectors();
                boolean converged = residual(beta[j], s, j, 0) <= tolerance * Math.max(1, Math.abs(theta[0]))
                        && residual(beta[j], s, j, j) <= tolerance * Math.max(1, Math.abs(theta[j]));
                if (invariant || converged || j + 1 == m) {
                    return new Result(theta, j + 1, invariant || converged || j + 1 == n);
                }
            }
            q = scaled(w, 1 / beta[j]);
        }
    }

    private static double residual(double betaJ, double[][] s, int last, int column) {
        return Math.abs(betaJ * s[last][column]);
    }

    private static double[][] tridiagonal(double[] alpha, double[] beta, int size) {
        double[][] t = new double[size][size];
        for (int i = 0; i < size; i++) {
            t[i][i] = alpha[i];
            if (i + 1 < size) {
                t[i][i + 1] = beta[i];
                t[i + 1][i] = beta[i];
            }
        }
        return t;
    }

    private static double[] scaled(double[] v, double factor) {
        double[] out = Arrays.copyOf(v, v.length);
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }
}
