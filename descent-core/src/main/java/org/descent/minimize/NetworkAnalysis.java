package org.descent.minimize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.descent.DescentException;
import org.descent.nn.Module;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;

/**
 * The curvature of a loss L(θ) at given parameters θ, e.g. a trained network's weights: the
 * gradient norm ‖∇L‖, and the extreme eigenvalues λ_min, λ_max of the Hessian by {@link Lanczos}
 * on Hessian-vector products (the Hessian itself is never formed). For at most
 * {@link #DENSE_LIMIT} parameters the dense Hessian and its full spectrum are computed too. The
 * verdict is the {@link CriticalPoint} test on the eigenvalues.
 * <pre>{@code
 * model.to(DType.FLOAT64);   // Hessian-vector products in float32 are too noisy for small eigenvalues
 * CurvatureReport report = NetworkAnalysis.defaults().analyze(model, () -> loss(model.forward(x), d));
 * }</pre>
 *
 * @param eigenTolerance eigenvalues with |λ| ≤ tol count as zero
 * @param gradientTolerance above this gradient norm the point is not called a critical point
 * @param maxLanczosSteps the most Hessian-vector products Lanczos may use
 * @param seed of Lanczos's random start vector
 */
public record NetworkAnalysis(double eigenTolerance, double gradientTolerance, int maxLanczosSteps, long seed) {
    /** Up to this many parameters, the dense Hessian and its full spectrum are computed. */
    public static final int DENSE_LIMIT = 200;
    /** Lanczos stops when the extreme Ritz residuals are below this, relative to max(1, |λ|). */
    static final double RITZ_TOLERANCE = 1e-10;

    public NetworkAnalysis {
        if (!(eigenTolerance >= 0) || !(gradientTolerance >= 0)) {
            throw new DescentException("tolerances must be ≥ 0, got eigenvalue tolerance " + eigenTolerance
                    + " and gradient tolerance " + gradientTolerance);
        }
        if (maxLanczosSteps < 2) {
            throw new DescentException("Lanczos needs at least 2 steps, got " + maxLanczosSteps);
        }
    }

    /** Eigenvalue tolerance 1e-8, gradient tolerance 1e-4, at most 100 Lanczos steps, seed 0. */
    public static NetworkAnalysis defaults() {
        return new NetworkAnalysis(1e-8, 1e-4, 100, 0L);
    }

    /** Analyzes {@code loss} with respect to all of {@code model}'s parameters, at their current values. */
    public CurvatureReport analyze(Module model, Supplier<Tensor> loss) {
        List<Tensor> values = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            values.add(p.value());
        }
        return analyze(loss, values);
    }

    /**
     * Analyzes {@code loss}, a closure that computes the loss from {@code parameters} (leaf tensors
     * with requiresGrad(true), flattened in list order), at their current values.
     */
    public CurvatureReport analyze(Supplier<Tensor> loss, List<Tensor> parameters) {
        Curvature curvature = Curvature.at(loss, parameters);
        int n = curvature.size();
        Lanczos.Result lanczos = Lanczos.run(curvature::hessianVectorProduct, n, maxLanczosSteps, RITZ_TOLERANCE, seed);
        double[] spectrum = null;
        CriticalPoint verdict;
        if (n <= DENSE_LIMIT) {
            spectrum = SymmetricEigen.of(curvature.hessian()).eigenvalues();
            verdict = CriticalPoint.classify(spectrum, eigenTolerance);
        } else {
            verdict = CriticalPoint.classify(new double[] {lanczos.min(), lanczos.max()}, eigenTolerance);
        }
        return new CurvatureReport(n, curvature.value(), curvature.gradientNorm(), lanczos.min(), lanczos.max(),
                lanczos.steps(), lanczos.converged(), spectrum, verdict, gradientTolerance);
    }
}
