package org.descent.tensor;

import java.util.List;
import org.descent.DescentException;

/**
 * One recorded operation: its name (for error messages), its inputs and its backward pass:
 * either a {@link BackwardRule} in tensor operations or a {@link FusedRule}; exactly one of the
 * two is set.
 */
public record Node(String operation, List<Tensor> inputs, BackwardRule rule, FusedRule fused) {
    public Node {
        if ((rule == null) == (fused == null)) {
            throw new DescentException("node '" + operation + "' needs exactly one of a backward rule and a fused rule");
        }
    }

    /** A node whose backward rule is written with tensor operations. */
    public Node(String operation, List<Tensor> inputs, BackwardRule rule) {
        this(operation, inputs, rule, null);
    }
}
