package org.descent.optim;

import java.util.Optional;

/** Fires when ‖∇Loss‖ &lt; ε₂. */
record GradientNormRule(double epsilon) implements StopRule {
    GradientNormRule {
        Check.positive("gradient norm threshold", epsilon);
    }

    @Override
    public Optional<StopReason> check(Progress progress) {
        if (!(progress.gradientNorm() < epsilon)) {
            return Optional.empty();
        }
        return Optional.of(new StopReason(this, "gradient norm " + progress.gradientNorm() + " at step "
                + progress.step() + " is less than " + epsilon));
    }

    @Override
    public String toString() {
        return "gradient norm < " + epsilon;
    }
}
