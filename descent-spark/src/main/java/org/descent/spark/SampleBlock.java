package org.descent.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.descent.data.Dataset;

/**
 * A data set's rows as two row-major float arrays, broadcast once by {@link SparkTrainer#distribute}:
 * each executor fetches it once (Spark's torrent broadcast), and a partition reads its slice of rows
 * from it. So no task ever carries samples: a task holds only the partition's number, and after
 * the shards are cached the block is read again only to rebuild a lost partition.
 */
final class SampleBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    private final float[] features;
    private final float[] targets;
    private final int featureCount;
    private final int targetCount;
    private final int size;

    SampleBlock(Dataset data) {
        this.features = data.features().floatData().clone();
        this.targets = data.targets().floatData().clone();
        this.featureCount = data.featureCount();
        this.targetCount = data.targetCount();
        this.size = data.size();
    }

    int size() {
        return size;
    }

    /**
     * The samples of slice {@code slice} of {@code slices}: rows {@code ⌊slice·n/slices⌋} to
     * {@code ⌊(slice+1)·n/slices⌋ − 1}, the rows {@code parallelize} would put in that partition.
     */
    List<Sample> slice(int slice, int slices) {
        int from = (int) ((long) slice * size / slices);
        int to = (int) ((long) (slice + 1) * size / slices);
        List<Sample> samples = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            float[] x = new float[featureCount];
            float[] d = new float[targetCount];
            System.arraycopy(features, i * featureCount, x, 0, featureCount);
            System.arraycopy(targets, i * targetCount, d, 0, targetCount);
            samples.add(new Sample(x, d));
        }
        return samples;
    }
}
