package org.descent.spark;

import java.io.Serializable;

/**
 * One partition's share of a step, as sums over the B<sub>p</sub> batch samples it holds:
 * {@code lossSum = Σ div_n} and, per parameter in the network's order,
 * {@code gradientSums[i] = Σ ∂div_n/∂W_i} (float64; null where the loss does not depend on the
 * parameter). A partition holding none of the batch has {@code samples = 0} and no gradients.
 */
record PartitionGradient(int partition, int samples, double lossSum, double[][] gradientSums) implements Serializable {
    private static final long serialVersionUID = 1L;

    static PartitionGradient none(int partition) {
        return new PartitionGradient(partition, 0, 0, null);
    }
}
