package org.descent.minimize;

import org.descent.DescentException;

/**
 * The second-order test at a point where ∇f = 0: the signs of the Hessian's eigenvalues, with
 * a tolerance tol ≥ 0 below which an eigenvalue counts as zero.
 * <ul>
 * <li>{@link Kind#MINIMUM}: all λ &gt; tol (positive definite);
 * <li>{@link Kind#MAXIMUM}: all λ &lt; −tol (negative definite);
 * <li>{@link Kind#SADDLE}: some λ &gt; tol and some λ &lt; −tol (indefinite);
 * <li>{@link Kind#DEGENERATE}: otherwise, some |λ| ≤ tol: the test is inconclusive.
 * </ul>
 * Only the smallest and largest eigenvalue matter, so the test also works on the extreme
 * eigenvalues that Lanczos finds for a network's Hessian.
 *
 * @param kind what the point is
 * @param minEigenvalue the smallest eigenvalue λ_min
 * @param maxEigenvalue the largest eigenvalue λ_max
 * @param tolerance the tolerance used
 */
public record CriticalPoint(Kind kind, double minEigenvalue, double maxEigenvalue, double tolerance) {

    /** The verdict of the second-order test. */
    public enum Kind {
        MINIMUM("a minimum (the Hessian is positive definite)"),
        MAXIMUM("a maximum (the Hessian is negative definite)"),
        SADDLE("a saddle point (the Hessian has eigenvalues of both signs)"),
        DEGENERATE("inconclusive (an eigenvalue is zero within the tolerance)");

        private final String explanation;

        Kind(String explanation) {
            this.explanation = explanation;
        }

        /** A phrase for reports, e.g. "a minimum (the Hessian is positive definite)". */
        public String explanation() {
            return explanation;
        }
    }

    /** Classifies the point from eigenvalues in any order. */
    public static CriticalPoint classify(double[] eigenvalues, double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new DescentException("eigenvalue tolerance must be a finite number ≥ 0, got " + tolerance);
        }
        if (eigenvalues.length == 0) {
            throw new DescentException("cannot classify a point from no eigenvalues");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double lambda : eigenvalues) {
            if (Double.isNaN(lambda)) {
                throw new DescentException("cannot classify a point: an eigenvalue is NaN");
            }
            min = Math.min(min, lambda);
            max = Math.max(max, lambda);
        }
        Kind kind;
        if (min > tolerance) {
            kind = Kind.MINIMUM;
        } else if (max < -tolerance) {
            kind = Kind.MAXIMUM;
        } else if (min < -tolerance && max > tolerance) {
            kind = Kind.SADDLE;
        } else {
            kind = Kind.DEGENERATE;
        }
        return new CriticalPoint(kind, min, max, tolerance);
    }
}
