package org.descent.minimize;

import java.util.Objects;
import org.descent.DescentException;
import org.descent.optim.StepSize;

/**
 * Settings of {@link Minimizer}, validated when built. Start from {@link #of(Method)} and change
 * what you need: {@code MinimizerOptions.of(Method.GRADIENT_DESCENT).withLearningRate(0.05)}.
 *
 * @param method the algorithm
 * @param stepSize η_k: the step of gradient descent and the sign rule, the first trial step of
 *     the line search; Newton and the closed form do not use it
 * @param eps1 stop when |f(x_{k+1}) − f(x_k)| &lt; ε₁ (0 turns the rule off)
 * @param eps2 stop when ‖∇f(x_k)‖ &lt; ε₂ (0 turns the rule off)
 * @param maxIterations stop after this many steps
 * @param eigenTolerance eigenvalues with |λ| ≤ tol count as zero in the {@link CriticalPoint} verdict
 */
public record MinimizerOptions(Method method, StepSize stepSize, double eps1, double eps2, int maxIterations,
                               double eigenTolerance) {
    public static final double DEFAULT_EPS1 = 1e-14;
    public static final double DEFAULT_EPS2 = 1e-9;
    public static final int DEFAULT_MAX_ITERATIONS = 50_000;
    public static final double DEFAULT_EIGEN_TOLERANCE = 1e-8;

    public MinimizerOptions {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(stepSize, "stepSize");
        requireNonNegative("eps1", eps1);
        requireNonNegative("eps2", eps2);
        requireNonNegative("eigenvalue tolerance", eigenTolerance);
        if (maxIterations < 1) {
            throw new DescentException("maximum iterations must be at least 1, got " + maxIterations);
        }
    }

    /** {@code method} with its default step size and the default ε₁, ε₂, iterations and tolerance. */
    public static MinimizerOptions of(Method method) {
        return new MinimizerOptions(method, StepSize.constant(method.defaultStepSize()), DEFAULT_EPS1, DEFAULT_EPS2,
                DEFAULT_MAX_ITERATIONS, DEFAULT_EIGEN_TOLERANCE);
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new DescentException(name + " must be a finite number ≥ 0, got " + value);
        }
    }

    public MinimizerOptions withMethod(Method value) {
        return new MinimizerOptions(value, stepSize, eps1, eps2, maxIterations, eigenTolerance);
    }

    public MinimizerOptions withStepSize(StepSize value) {
        return new MinimizerOptions(method, value, eps1, eps2, maxIterations, eigenTolerance);
    }

    /** A fixed step size η. */
    public MinimizerOptions withLearningRate(double value) {
        return withStepSize(StepSize.constant(value));
    }

    public MinimizerOptions withEps1(double value) {
        return new MinimizerOptions(method, stepSize, value, eps2, maxIterations, eigenTolerance);
    }

    public MinimizerOptions withEps2(double value) {
        return new MinimizerOptions(method, stepSize, eps1, value, maxIterations, eigenTolerance);
    }

    public MinimizerOptions withMaxIterations(int value) {
        return new MinimizerOptions(method, stepSize, eps1, eps2, value, eigenTolerance);
    }

    public MinimizerOptions withEigenTolerance(double value) {
        return new MinimizerOptions(method, stepSize, eps1, eps2, maxIterations, value);
    }
}
