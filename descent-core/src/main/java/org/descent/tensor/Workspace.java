package org.descent.tensor;

import org.descent.DescentException;

/**
 * Arrays that successive graphs of one fused node reuse, so that steady-state training allocates
 * almost nothing (as Deeplearning4j's workspaces): the pre-activations and outputs of a fused
 * layer, the gradient it lends for its output, the softmax a fused loss keeps. A forward pass
 * that records a graph {@link #take}s the lease if it is free, else gets one over new storage,
 * so two graphs alive at once (gradient accumulation over several forward passes, several
 * threads) stay correct; the fast backward pass of that graph gives it back. Each take starts a
 * new generation, so the backward pass of an older graph whose arrays were taken again is
 * refused ({@link Lease#requireCurrent()}) with this workspace's message. Forward passes that
 * record nothing use {@link Lease#NONE}: inference may run in several threads at once.
 */
public final class Workspace {
    private final Object[] arrays;
    private final String staleMessage;
    private boolean busy;
    private int generation;

    /** A workspace of {@code slots} arrays; {@code staleMessage} refuses a stale graph. */
    public Workspace(int slots, String staleMessage) {
        this.arrays = new Object[slots];
        this.staleMessage = staleMessage;
    }

    /** The lease for one graph: over the reused arrays if they are free, else over new storage. */
    public synchronized Lease take() {
        if (busy) {
            return Lease.NONE;
        }
        busy = true;
        return new Lease(this, ++generation);
    }

    private synchronized void release(int taken) {
        if (taken == generation) {
            busy = false;
        }
    }

    private synchronized boolean isCurrent(int taken) {
        return taken == generation;
    }

    private synchronized Object array(int slot, boolean isFloat, int size) {
        Object array = arrays[slot];
        boolean fits = isFloat ? array instanceof float[] f && f.length == size
                : array instanceof double[] d && d.length == size;
        if (!fits) {
            array = isFloat ? new float[size] : new double[size];
            arrays[slot] = array;
        }
        return array;
    }

    /** One graph's claim on a workspace, or {@link #NONE}: new storage, always current. */
    public static final class Lease {
        /** No reused storage: every array is new, nothing to refuse or give back. */
        public static final Lease NONE = new Lease(null, 0);

        private final Workspace workspace;
        private final int generation;

        private Lease(Workspace workspace, int generation) {
            this.workspace = workspace;
            this.generation = generation;
        }

        /** Whether this lease holds reused storage. */
        public boolean reuses() {
            return workspace != null;
        }

        /** Whether the storage still holds what this lease's graph wrote (always, for new storage). */
        public boolean isCurrent() {
            return workspace == null || workspace.isCurrent(generation);
        }

        /** Refuses a backward pass through this graph once a later one took the storage. */
        public void requireCurrent() {
            if (!isCurrent()) {
                throw new DescentException(workspace.staleMessage);
            }
        }

        /** Gives the storage back (nothing if it was taken again since, or for {@link #NONE}). */
        public void release() {
            if (workspace != null) {
                workspace.release(generation);
            }
        }

        /** A (rows, cols) tensor over the array of {@code slot}: reused, or new for {@link #NONE}. */
        public Tensor tensor(int slot, DType dtype, int rows, int cols) {
            if (workspace == null) {
                return Tensor.zeros(dtype, rows, cols);
            }
            int size = Math.multiplyExact(rows, cols);
            Object array = workspace.array(slot, dtype == DType.FLOAT32, size);
            return dtype == DType.FLOAT32 ? Tensor.of((float[]) array, rows, cols) : Tensor.of((double[]) array, rows, cols);
        }

        /** As {@link #tensor}, but null unless the storage is reused and still this graph's. */
        public Tensor reusedTensor(int slot, DType dtype, int rows, int cols) {
            return reuses() && isCurrent() ? tensor(slot, dtype, rows, cols) : null;
        }

        /** An array of exactly {@code size} floats over {@code slot}: reused, or new for {@link #NONE}. */
        public float[] floats(int slot, int size) {
            return workspace == null ? new float[size] : (float[]) workspace.array(slot, true, size);
        }
    }
}
