package org.descent.spark;

import java.io.Serializable;

/**
 * One partition's result of an averaging round: the number of samples it trained on, the sum of
 * their training losses (each step's mean loss times its batch size, as {@code Trainer} reports an
 * epoch's loss), and the network state and optimizer state it ended with ({@link StateBytes}). A
 * partition with no samples in the round has {@code samples = 0} and no state. {@code executor}: the
 * id of the executor that ran it (where its shard is cached), for {@link Shards#crowded}.
 */
record PartitionModel(int partition, String executor, int samples, double lossSum, byte[] state, byte[] optimizerState)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    static PartitionModel none(int partition, String executor) {
        return new PartitionModel(partition, executor, 0, 0, null, null);
    }
}
