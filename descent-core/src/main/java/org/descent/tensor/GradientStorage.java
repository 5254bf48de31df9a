package org.descent.tensor;

import java.util.Arrays;
import java.util.List;

/**
 * Where the fast half of a {@link FusedRule} writes the gradient of an input: storage the
 * input's own operation lends for it ({@link FusedRule#outputGradientStorage()}), reused from
 * step to step, at most once per backward pass and tensor; else a new tensor of zeros. One per
 * backward pass.
 */
public final class GradientStorage {
    /** The tensors whose storage was lent in this pass (a few per step: a short array, scanned). */
    private Tensor[] lent;
    private int lentCount;
    private List<Tensor> inputs = List.of();

    GradientStorage() {
    }

    /** The node whose rule runs next. */
    GradientStorage forInputs(List<Tensor> nodeInputs) {
        inputs = nodeInputs;
        return this;
    }

    /** Storage of input {@code k}'s shape and dtype, to be overwritten with its gradient and returned as it. */
    public Tensor of(int k) {
        Tensor input = inputs.get(k);
        Node node = input.node();
        if (node != null && node.fused() != null && markLent(input)) {
            Tensor offered = node.fused().outputGradientStorage();
            if (offered != null && offered.shape().equals(input.shape()) && offered.dtype() == input.dtype()) {
                return offered;
            }
        }
        return Tensor.zeros(input.dtype(), input.shape().dims());
    }

    /** Notes that {@code t}'s storage is asked for; false if it was before in this pass. */
    private boolean markLent(Tensor t) {
        for (int i = 0; i < lentCount; i++) {
            if (lent[i] == t) {
                return false;
            }
        }
        if (lent == null || lentCount == lent.length) {
            lent = lent == null ? new Tensor[4] : Arrays.copyOf(lent, 2 * lentCount);
        }
        lent[lentCount++] = t;
        return true;
    }
}
