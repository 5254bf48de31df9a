package org.descent.optim;

/** η<sub>k</sub> = η · γ<sup>k</sup>. */
record ExponentialDecay(double learningRate, double gamma) implements StepSize {
    ExponentialDecay {
        Check.positive("learning rate", learningRate);
        Check.decayFactor(gamma);
    }

    @Override
    public double at(int step) {
        return learningRate * Math.pow(gamma, Check.step(step));
    }
}
