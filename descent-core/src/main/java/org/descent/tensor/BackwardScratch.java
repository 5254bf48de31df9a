package org.descent.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The maps and stacks of one {@link BackwardPass}, kept per thread and reused, so that a training
 * step allocates none of them. A pass inside a pass (a fused node's reference formula, with
 * {@code createGraph}) takes another one of the thread's.
 */
final class BackwardScratch implements AutoCloseable {
    /** A pass over more tensors than this drops its storage afterwards rather than keep it. */
    private static final int KEPT_TENSORS = 4096;
    private static final ThreadLocal<List<BackwardScratch>> THREADS = ThreadLocal.withInitial(ArrayList::new);

    final Map<Tensor, Tensor> grads = new IdentityHashMap<>();
    final Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    final List<Tensor> order = new ArrayList<>();
    /** The depth-first walk's stack: a tensor and the index of the next input to visit. */
    Tensor[] stack = new Tensor[16];
    int[] nextInput = new int[16];
    private boolean inUse;

    private BackwardScratch() {
    }

    /** A free scratch of the calling thread's (close it when the pass is over). */
    static BackwardScratch acquire() {
        List<BackwardScratch> mine = THREADS.get();
        for (BackwardScratch scratch : mine) {
            if (!scratch.inUse) {
                scratch.inUse = true;
                return scratch;
            }
        }
        BackwardScratch scratch = new BackwardScratch();
        scratch.inUse = true;
        mine.add(scratch);
        return scratch;
    }

    /** Room for a stack of {@code depth} entries. */
    void ensureDepth(int depth) {
        if (depth > stack.length) {
            stack = Arrays.copyOf(stack, 2 * depth);
            nextInput = Arrays.copyOf(nextInput, 2 * depth);
        }
    }

    @Override
    public void close() {
        boolean large = order.size() > KEPT_TENSORS;
        grads.clear();
        visited.clear();
        order.clear();
        Arrays.fill(stack, null);
        inUse = false;
        if (large) {
            THREADS.get().remove(this);
        }
    }
}
