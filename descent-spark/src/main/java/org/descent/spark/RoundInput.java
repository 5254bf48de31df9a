package org.descent.spark;

import java.io.Serializable;

/**
 * What the driver broadcasts for one averaging round: the averaged network state and optimizer
 * state ({@link StateBytes}), the epoch and the round's number within it.
 */
record RoundInput(int epoch, int round, byte[] state, byte[] optimizerState) implements Serializable {
    private static final long serialVersionUID = 1L;
}
