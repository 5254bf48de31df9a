package org.descent.nn;

import java.util.List;
import org.descent.tensor.Tensor;

/** How a {@link Graph} node joins the outputs of several earlier nodes into its input. */
public enum Combine {
    /** Element-wise sum {@code x = Σ_i x_i}; every input must have the same number of features. */
    SUM {
        @Override
        Tensor apply(List<Tensor> inputs) {
            Tensor sum = inputs.get(0);
            for (int i = 1; i < inputs.size(); i++) {
                sum = sum.add(inputs.get(i));
            }
            return sum;
        }
    },
    /** Concatenation along the feature axis {@code x = [x_1, x_2, …]}; the sizes add up. */
    CONCAT {
        @Override
        Tensor apply(List<Tensor> inputs) {
            return inputs.size() == 1 ? inputs.get(0) : Tensor.concat(1, inputs.toArray(new Tensor[0]));
        }
    };

    abstract Tensor apply(List<Tensor> inputs);
}
