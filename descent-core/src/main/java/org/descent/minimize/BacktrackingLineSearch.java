package org.descent.minimize;

import org.descent.optim.StepSize;

/**
 * Gradient descent with a backtracking (Armijo) line search: try t = t₀, t₀/2, t₀/4, … until
 * <pre>
 * f(x − t∇f(x)) ≤ f(x) − c·t·‖∇f(x)‖²,   c = 10⁻⁴
 * </pre>
 * The first trial t₀ = min(η_k, 2·t_{k−1}) starts near the last accepted step, which saves most
 * of the halvings on a narrow valley; if 60 halvings find no decrease the search gives up (the
 * point is as good as rounding allows).
 */
final class BacktrackingLineSearch implements StepRule {
    /** Armijo's sufficient-decrease constant c. */
    static final double ARMIJO = 1e-4;
    /** How many times the trial step is halved before giving up. */
    static final int MAX_HALVINGS = 60;

    private final Objective objective;
    private final StepSize initial;
    private double previous = Double.POSITIVE_INFINITY;

    BacktrackingLineSearch(Objective objective, StepSize initial) {
        this.objective = objective;
        this.initial = initial;
    }

    @Override
    public Step next(int k, double[] x, double value, double[] gradient) {
        double slope = Vectors.dot(gradient, gradient);
        double t = Math.min(initial.at(k), 2 * previous);
        for (int i = 0; i < MAX_HALVINGS; i++) {
            double[] trial = Vectors.addScaled(x, -t, gradient);
            double trialValue = objective.value(trial);
            if (trialValue < value && trialValue <= value - ARMIJO * t * slope) {
                previous = t;
                return new Step(trial, t);
            }
            t *= 0.5;
        }
        return null;
    }
}
