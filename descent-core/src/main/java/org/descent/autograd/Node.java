package org.descent.autograd;

import java.util.List;
import org.descent.tensor.Tensor;

/** One recorded operation: its name (for error messages), its inputs and its backward rule. */
public record Node(String operation, List<Tensor> inputs, BackwardRule rule) {
}
