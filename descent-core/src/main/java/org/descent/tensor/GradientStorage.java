package org.descent.tensor;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the fast half of a {@link FusedRule} writes the gradient of an input: storage the
 * input's own operation lends for it ({@link FusedRule#outputGradientStorage()}), reused from
 * step to step, at most once per backward pass and tensor; else a new tensor of zeros. One per
 * backward pass.
 */
public final class GradientStorage {
    private Map<Tensor, Boolean> lent;
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
        if (node != null && node.fused() != null) {
            if (lent == null) {
                lent = new IdentityHashMap<>();
            }
            if (lent.put(input, Boolean.TRUE) == null) {
                Tensor offered = node.fused().outputGradientStorage();
                if (offered != null && offered.shape().equals(input.shape()) && offered.dtype() == input.dtype()) {
                    return offered;
                }
            }
        }
        return Tensor.zeros(input.dtype(), input.shape().dims());
    }
}
