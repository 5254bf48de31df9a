package org.descent.spark;

import java.io.Serializable;

/**
 * What the driver broadcasts for one step: the current weights (safetensors bytes) and the global
 * indices of the step's mini-batch, in the order of the single-machine batch.
 */
record StepInput(long step, byte[] weights, int[] batch) implements Serializable {
    private static final long serialVersionUID = 1L;
}
