package org.descent.optim;

/** η<sub>k</sub> = η. */
record ConstantStepSize(double learningRate) implements StepSize {
    ConstantStepSize {
        Check.positive("learning rate", learningRate);
    }

    @Override
    public double at(int step) {
        Check.step(step);
        return learningRate;
    }
}
