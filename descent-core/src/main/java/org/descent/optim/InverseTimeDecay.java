package org.descent.optim;

/** η<sub>k</sub> = η / (1 + decay · k). */
record InverseTimeDecay(double learningRate, double decay) implements StepSize {
    InverseTimeDecay {
        Check.positive("learning rate", learningRate);
        Check.nonNegative("decay", decay);
    }

    @Override
    public double at(int step) {
        return learningRate / (1 + decay * Check.step(step));
    }
}
