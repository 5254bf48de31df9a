package org.descent.minimize;

import java.util.function.IntToDoubleFunction;
import org.descent.DescentException;

/**
 * The step sizes η_k of gradient descent, k = 0, 1, 2, …:
 * <ul>
 * <li>{@link #constant}: η_k = η;
 * <li>{@link #inverseTime}: η_k = η₀ / (1 + d·k);
 * <li>{@link #exponential}: η_k = η₀ · γ^k.
 * </ul>
 */
public final class StepSchedule {
    private final String description;
    private final IntToDoubleFunction rule;

    private StepSchedule(String description, IntToDoubleFunction rule) {
        this.description = description;
        this.rule = rule;
    }

    public static StepSchedule constant(double stepSize) {
        requirePositive(stepSize);
        return new StepSchedule("η = " + stepSize, k -> stepSize);
    }

    public static StepSchedule inverseTime(double initial, double decay) {
        requirePositive(initial);
        if (!(decay >= 0) || Double.isInfinite(decay)) {
            throw new DescentException("decay must be a finite number ≥ 0, got " + decay);
        }
        return new StepSchedule("η_k = " + initial + " / (1 + " + decay + "·k)", k -> initial / (1 + decay * k));
    }

    public static StepSchedule exponential(double initial, double gamma) {
        requirePositive(initial);
        if (!(gamma > 0 && gamma <= 1)) {
            throw new DescentException("decay factor γ must be in (0, 1], got " + gamma);
        }
        return new StepSchedule("η_k = " + initial + "·" + gamma + "^k", k -> initial * Math.pow(gamma, k));
    }

    private static void requirePositive(double stepSize) {
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw new DescentException("learning rate must be positive, got " + stepSize);
        }
    }

    /** η_k. */
    public double at(int k) {
        return rule.applyAsDouble(k);
    }

    @Override
    public String toString() {
        return description;
    }
}
