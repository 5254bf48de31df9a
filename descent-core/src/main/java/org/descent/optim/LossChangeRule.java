package org.descent.optim;

import java.util.Optional;

/** Fires when |Loss<sub>k</sub> − Loss<sub>k−1</sub>| &lt; ε₁. */
record LossChangeRule(double epsilon) implements StopRule {
    LossChangeRule {
        Check.positive("loss change threshold", epsilon);
    }

    @Override
    public Optional<StopReason> check(Progress progress) {
        double change = progress.lossChange();
        if (!(change < epsilon)) {
            return Optional.empty();
        }
        return Optional.of(new StopReason(this, "loss changed by " + change + " (from " + progress.previousLoss()
                + " to " + progress.loss() + ") at step " + progress.step() + ", less than " + epsilon));
    }

    @Override
    public String toString() {
        return "loss change < " + epsilon;
    }
}
