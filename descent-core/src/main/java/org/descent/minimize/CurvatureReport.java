package org.descent.minimize;

/**
 * What {@link NetworkAnalysis} found at a network's parameters; {@link #report()} is the text
 * {@code descent analyze} prints.
 *
 * @param parameterCount n, the number of scalar parameters
 * @param loss L(θ)
 * @param gradientNorm ‖∇L(θ)‖
 * @param minEigenvalue λ_min of the Hessian, by Lanczos
 * @param maxEigenvalue λ_max of the Hessian, by Lanczos
 * @param lanczosSteps the Hessian-vector products Lanczos used
 * @param lanczosConverged whether both extreme Ritz values converged
 * @param spectrum all n eigenvalues (ascending) from the dense Hessian, or null above
 *     {@link NetworkAnalysis#DENSE_LIMIT} parameters
 * @param verdict the second-order test (on the full spectrum when there is one)
 * @param gradientTolerance the gradient norm above which θ is not called a critical point
 */
public record CurvatureReport(int parameterCount, double loss, double gradientNorm, double minEigenvalue,
                              double maxEigenvalue, int lanczosSteps, boolean lanczosConverged, double[] spectrum,
                              CriticalPoint verdict, double gradientTolerance) {

    /** All n eigenvalues in ascending order, or null above the dense limit. */
    @Override
    public double[] spectrum() {
        return spectrum == null ? null : spectrum.clone();
    }

    /** True if ‖∇L‖ ≤ the gradient tolerance, so that the verdict is about a critical point. */
    public boolean critical() {
        return gradientNorm <= gradientTolerance;
    }

    /** The verdict in words: minimum, maximum, saddle or inconclusive. */
    public String summary() {
        String what = switch (verdict.kind()) {
            case MINIMUM -> "a local minimum";
            case MAXIMUM -> "a local maximum";
            case SADDLE -> "a saddle point";
            case DEGENERATE -> "inconclusive: an eigenvalue is zero within " + Vectors.format(verdict.tolerance());
        };
        if (!critical()) {
            return "not a critical point (gradient norm " + Vectors.format(gradientNorm) + " > "
                    + Vectors.format(gradientTolerance) + "); the curvature there looks like " + what;
        }
        return what;
    }

    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("parameters:    ").append(parameterCount).append('\n');
        sb.append("loss:          ").append(Vectors.format(loss)).append('\n');
        sb.append("|grad loss|:   ").append(Vectors.format(gradientNorm)).append('\n');
        sb.append("lambda_min:    ").append(Vectors.format(minEigenvalue)).append('\n');
        sb.append("lambda_max:    ").append(Vectors.format(maxEigenvalue)).append('\n');
        sb.append("lanczos:       ").append(lanczosSteps).append(" Hessian-vector products")
                .append(lanczosConverged ? "" : " (not converged: raise the step limit)").append('\n');
        if (spectrum != null) {
            sb.append("spectrum:      ").append(Vectors.format(spectrum)).append('\n');
        }
        sb.append("verdict:       ").append(verdict.kind()).append(": ").append(summary()).append('\n');
        return sb.toString();
    }

    @Override
    public String toString() {
        return report();
    }
}
