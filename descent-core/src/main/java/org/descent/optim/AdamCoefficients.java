package org.descent.optim;

/**
 * The numbers of one Adam update of one parameter: β1, β2, weight decay λ, ε, the step
 * s = η / (1 − β1ᵗ) and the second-moment correction c = √(1 − β2ᵗ).
 */
record AdamCoefficients(double beta1, double beta2, double weightDecay, double epsilon, double stepSize,
                        double secondCorrection) {
}
