package org.descent.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.descent.data.Dataset;

/**
 * The rows of one partition of a data set as two row-major float arrays, broadcast once by
 * {@link SparkTrainer#distribute} (one broadcast per partition): the executor that packs the
 * partition fetches its rows once (Spark's torrent broadcast), and no other. So no task ever
 * carries samples: a task holds only the partition's number, and after the shards are cached the
 * block is read again only to rebuild a lost partition.
 */
final class SampleBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    private final float[] features;
    private final float[] targets;
    private final int featureCount;
    private final int targetCount;
    private final int size;

    /**
     * Slice {@code slice} of {@code slices} of {@code data}: rows {@code ⌊slice·n/slices⌋} to
     * {@code ⌊(slice+1)·n/slices⌋ − 1}, the rows {@code parallelize} would put in that partition.
     */
    SampleBlock(Dataset data, int slice, int slices) {
        int from = first(data.size(), slice, slices);
        int to = first(data.size(), slice + 1, slices);
        this.featureCount = data.featureCount();
        this.targetCount = data.targetCount();
        this.size = to - from;
        this.features = Arrays.copyOfRange(data.features().floatData(), from * featureCount, to * featureCount);
        this.targets = Arrays.copyOfRange(data.targets().floatData(), from * targetCount, to * targetCount);
    }

    /** The first of {@code n} rows in slice {@code slice} of {@code slices}: {@code ⌊slice·n/slices⌋}. */
    static int first(int n, int slice, int slices) {
        return (int) ((long) slice * n / slices);
    }

    int size() {
        return size;
    }

    /** The samples of this slice, in order. */
    List<Sample> samples() {
        List<Sample> samples = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            float[] x = new float[featureCount];
            float[] d = new float[targetCount];
            System.arraycopy(features, i * featureCount, x, 0, featureCount);
            System.arraycopy(targets, i * targetCount, d, 0, targetCount);
            samples.add(new Sample(x, d));
        }
        return samples;
    }
}
