package org.descent.loss;

import org.descent.DescentException;
import org.descent.autograd.StorageLease;

/**
 * The float32 softmax that one thread's fused cross-entropy keeps for its backward pass, in
 * storage reused from step to step, taken and given back as {@code nn.LayerBuffers} are: a loss
 * that records a graph takes the array if it is free (else it uses new storage, so two graphs
 * alive at once stay correct), and the backward pass of that graph gives it back. Each take
 * starts a new generation, and a backward pass through an older graph whose array was taken
 * again is refused. The softmax never leaves the loss node, so no caller can hold on to it.
 */
final class SoftmaxStorage extends StorageLease {
    private static final ThreadLocal<SoftmaxStorage> OF_THREAD = ThreadLocal.withInitial(SoftmaxStorage::new);

    private float[] array = new float[0];

    private SoftmaxStorage() {
    }

    /** The storage of the calling thread. */
    static SoftmaxStorage ofThread() {
        return OF_THREAD.get();
    }

    /** Refuses a backward pass through generation {@code taken} once the array was taken again. */
    void requireCurrent(int taken) {
        if (!isCurrent(taken)) {
            throw new DescentException("cross_entropy: backward through a graph whose softmax storage a later loss"
                    + " on this thread has reused; call backward() before computing the next loss, or compute it again");
        }
    }

    /** An array of exactly {@code size} floats: the reused one when {@code taken} is not 0, else a new one. */
    synchronized float[] array(int taken, int size) {
        if (taken == 0) {
            return new float[size];
        }
        if (array.length != size) {
            array = new float[size];
        }
        return array;
    }
}
