package org.descent.optim;

import org.descent.DescentException;

/** Thrown when the loss of a run stops being finite or grows by orders of magnitude; carries the step, the epoch and the loss. */
public class DivergenceException extends DescentException {
    private final long step;
    private final int epoch;
    private final double loss;

    public DivergenceException(String message, long step, int epoch, double loss) {
        super(message);
        this.step = step;
        this.epoch = epoch;
        this.loss = loss;
    }

    /** The step at which the run diverged. */
    public long step() {
        return step;
    }

    /** The epoch of that step, or −1 outside training. */
    public int epoch() {
        return epoch;
    }

    /** The loss: NaN, ±infinity, or one grown by orders of magnitude (see {@code DivergenceCheck}). */
    public double loss() {
        return loss;
    }
}
