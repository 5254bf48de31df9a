package org.descent.nn;

import org.descent.DescentException;
import org.descent.autograd.StorageLease;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * Storage that one position of a {@link Sequential} reuses from step to step for the tensors the
 * caller never sees: the pre-activation z, a hidden output a (the next layer's input; the final
 * output too inside an {@link org.descent.autograd.OutputReuse} scope) and the gradient dL/da
 * at the output, lent to whichever rule computes it (see {@link Tensor#lendGradBuffer}). A
 * forward pass takes the buffers if they are free (else it allocates, so two graphs alive at
 * once, as in gradient accumulation over several forward passes, or in several threads, stay
 * correct); the plain backward pass of the node frees them again. Forward passes without a graph (inference, possibly
 * in several threads) do not use them. Each take starts a new generation, and a backward pass
 * through an older graph whose buffers were taken again is refused.
 */
final class LayerBuffers extends StorageLease {
    /** Slots for the arrays. */
    enum Slot { Z, OUTPUT, OUTPUT_GRADIENT }

    private final Object[] arrays = new Object[Slot.values().length];
    private final String position;

    LayerBuffers(String position) {
        this.position = position;
    }

    /** Refuses a backward pass through generation {@code taken} once the buffers were taken again. */
    void requireCurrent(int taken) {
        if (!isCurrent(taken)) {
            throw new DescentException(position + ": backward through a graph whose buffers a later forward pass"
                    + " has reused; call backward() before the next forward pass, or run the forward pass again");
        }
    }

    /**
     * The storage of the gradient at the output of generation {@code taken}, while that
     * generation still holds the buffers; else (0, or taken again since) null.
     */
    synchronized Tensor outputGradient(int taken, DType dtype, int rows, int cols) {
        return taken != 0 && isCurrent(taken) ? tensor(taken, Slot.OUTPUT_GRADIENT, dtype, rows, cols) : null;
    }

    /**
     * A (rows, cols) tensor over the array of {@code slot} when {@code taken} is not 0 (the array
     * is kept and reused), else over new storage.
     */
    synchronized Tensor tensor(int taken, Slot slot, DType dtype, int rows, int cols) {
        if (taken == 0) {
            return Tensor.zeros(dtype, rows, cols);
        }
        int size = Math.multiplyExact(rows, cols);
        Object array = arrays[slot.ordinal()];
        if (dtype == DType.FLOAT32) {
            if (!(array instanceof float[] floats) || floats.length != size) {
                array = new float[size];
                arrays[slot.ordinal()] = array;
            }
            return Tensor.of((float[]) array, rows, cols);
        }
        if (!(array instanceof double[] doubles) || doubles.length != size) {
            array = new double[size];
            arrays[slot.ordinal()] = array;
        }
        return Tensor.of((double[]) array, rows, cols);
    }
}
