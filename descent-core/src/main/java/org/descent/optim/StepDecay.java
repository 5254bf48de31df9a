package org.descent.optim;

import org.descent.DescentException;

/** η<sub>k</sub> = η · γ<sup>⌊k / every⌋</sup>. */
record StepDecay(double learningRate, double gamma, int every) implements StepSize {
    StepDecay {
        Check.positive("learning rate", learningRate);
        Check.decayFactor(gamma);
        if (every < 1) {
            throw new DescentException("step decay interval must be at least 1 step, got " + every);
        }
    }

    @Override
    public double at(int step) {
        return learningRate * Math.pow(gamma, Check.step(step) / every);
    }
}
