package org.descent.optim;

import org.descent.DescentException;

/** Validation of hyperparameters, with messages that name the value and what was expected. */
final class Check {
    private Check() {
    }

    /** A finite value &gt; 0, such as a learning rate or ε. */
    static double positive(String name, double value) {
        if (!(value > 0)) {
            throw new DescentException(name + " must be positive, got " + value);
        }
        if (Double.isInfinite(value)) {
            throw new DescentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /** A finite value ≥ 0, such as a weight decay. */
    static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new DescentException(name + " must be non-negative and finite, got " + value);
        }
        return value;
    }

    /** A value in [0, 1), such as a momentum or a β of Adam. */
    static double unitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new DescentException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** A decay factor γ in (0, 1]. */
    static double decayFactor(double gamma) {
        if (!(gamma > 0 && gamma <= 1)) {
            throw new DescentException("decay factor gamma must be in (0, 1], got " + gamma);
        }
        return gamma;
    }

    /** A step number k ≥ 0. */
    static int step(int step) {
        if (step < 0) {
            throw new DescentException("step must be non-negative, got " + step);
        }
        return step;
    }
}
