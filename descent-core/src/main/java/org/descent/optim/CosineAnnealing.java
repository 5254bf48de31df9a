package org.descent.optim;

import org.descent.DescentException;

/** η<sub>k</sub> = η<sub>min</sub> + (η − η<sub>min</sub>)(1 + cos(π k / T)) / 2 (closed form of PyTorch's CosineAnnealingLR). */
record CosineAnnealing(double learningRate, double minimum, int steps) implements StepSize {
    CosineAnnealing {
        Check.positive("learning rate", learningRate);
        if (!(minimum >= 0 && minimum <= learningRate)) {
            throw new DescentException("cosine annealing: the minimum step size must be in [0, " + learningRate
                    + "] (the learning rate), got " + minimum);
        }
        if (steps < 1) {
            throw new DescentException("cosine annealing needs at least 1 step to anneal over, got " + steps);
        }
    }

    @Override
    public double at(int step) {
        return minimum + (learningRate - minimum) * (1 + Math.cos(Math.PI * Check.step(step) / steps)) / 2;
    }
}
