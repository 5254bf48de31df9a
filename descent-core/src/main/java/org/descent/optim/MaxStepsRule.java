package org.descent.optim;

import java.util.Optional;
import org.descent.DescentException;

/** Fires once {@code steps} steps have been taken. */
record MaxStepsRule(int steps) implements StopRule {
    MaxStepsRule {
        if (steps < 1) {
            throw new DescentException("maximum number of steps must be at least 1, got " + steps);
        }
    }

    @Override
    public Optional<StopReason> check(Progress progress) {
        if (progress.step() < steps) {
            return Optional.empty();
        }
        return Optional.of(new StopReason(this, "reached the maximum of " + steps + " steps (loss "
                + progress.loss() + ")"));
    }

    @Override
    public String toString() {
        return "at most " + steps + " steps";
    }
}
