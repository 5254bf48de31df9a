package org.descent.autograd;

/**
 * Who may use storage that successive graphs share: a forward pass that records a graph takes
 * the lease if it is free (else it uses new storage, so two graphs alive at once stay correct),
 * and the backward pass of that graph gives it back. Each take starts a new generation, so a
 * backward pass can tell whether a later forward pass has taken, and overwritten, the storage
 * its graph refers to. The reused buffers of the fused layers and of the fused loss extend it.
 */
public class StorageLease {
    private boolean busy;
    private int generation;

    /** Takes the lease for one graph: a generation number, or 0 if it is in use. */
    public synchronized int take() {
        if (busy) {
            return 0;
        }
        busy = true;
        return ++generation;
    }

    /** Gives the lease of generation {@code taken} back (nothing for 0 or an older generation). */
    public synchronized void release(int taken) {
        if (taken != 0 && taken == generation) {
            busy = false;
        }
    }

    /** Whether the storage still holds what generation {@code taken} wrote (always for 0: new storage). */
    public synchronized boolean isCurrent(int taken) {
        return taken == 0 || taken == generation;
    }
}
