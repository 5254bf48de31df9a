package org.descent.spark;

import java.io.Serializable;

/**
 * One partition's share of a step over the B<sub>p</sub> batch samples it holds:
 * {@code lossSum = Σ div_n} and, per parameter in the network's order, the float32 gradient of
 * the mean loss over those samples, {@code meanGradients[i] = (1/B_p) Σ ∂div_n/∂W_i}, exactly as
 * {@code backward()} left it (null where the loss does not depend on the parameter). The driver
 * multiplies by B<sub>p</sub> in float64, which is exact, so float32 loses nothing against sending
 * float64 and halves the result. {@code buffers}: the network's buffers after this forward pass in
 * training mode (batch norm's running statistics, as safetensors bytes), or null when it has none.
 * A partition holding none of the batch has {@code samples = 0}.
 */
record PartitionGradient(int partition, int samples, double lossSum, float[][] meanGradients, byte[] buffers)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    static PartitionGradient none(int partition) {
        return new PartitionGradient(partition, 0, 0, null, null);
    }
}
