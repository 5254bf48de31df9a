package org.descent.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.tensor.Tensor;

/**
 * The samples of one RDD partition packed into two row-major float arrays, built once and cached
 * by Spark, so that a step gathers its rows without walking the partition. The partition holds
 * global samples {@code first .. first + size − 1}, where {@code first} is the number of samples
 * in the partitions before it (known to the driver only after the shards are counted).
 */
final class PartitionShard implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int featureCount;
    private final int targetCount;
    private final float[] features;
    private final float[] targets;
    private final int size;
    /** Storage for {@link #lend}'s rows, kept on the executor for the next round (never serialized). */
    private transient float[] spareFeatures;
    private transient float[] spareTargets;

    private PartitionShard(int featureCount, int targetCount, float[] features, float[] targets, int size) {
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.features = features;
        this.targets = targets;
        this.size = size;
    }

    /** Packs the samples of partition {@code partition}, checking each against the network's sizes. */
    static PartitionShard pack(int partition, Iterator<Sample> samples, int featureCount, int targetCount) {
        List<Sample> rows = new ArrayList<>();
        while (samples.hasNext()) {
            Sample sample = samples.next();
            if (sample == null) {
                throw new DescentException("sample " + rows.size() + " of partition " + partition + " is null");
            }
            check(partition, rows.size(), "features", sample.features().length, featureCount, "inputs");
            check(partition, rows.size(), "target values", sample.target().length, targetCount, "outputs");
            rows.add(sample);
        }
        float[] x = new float[rows.size() * featureCount];
        float[] d = new float[rows.size() * targetCount];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i).features(), 0, x, i * featureCount, featureCount);
            System.arraycopy(rows.get(i).target(), 0, d, i * targetCount, targetCount);
        }
        return new PartitionShard(featureCount, targetCount, x, d, rows.size());
    }

    private static void check(int partition, int row, String what, int actual, int expected, String unit) {
        if (actual != expected) {
            throw new DescentException("sample " + row + " of partition " + partition + " has " + actual + " " + what
                    + " but the network has " + expected + " " + unit);
        }
    }

    int size() {
        return size;
    }

    /**
     * The rows of this shard that hold the global samples in {@code batch}, in the batch's order:
     * sample s is row {@code s − first} when {@code first ≤ s < first + size}.
     */
    int[] rowsOf(int[] batch, long first) {
        int count = 0;
        int[] rows = new int[batch.length];
        for (int sample : batch) {
            long row = sample - first;
            if (row >= 0 && row < size) {
                rows[count++] = (int) row;
            }
        }
        return Arrays.copyOf(rows, count);
    }

    /** The features of {@code rows}, (rows, featureCount). */
    Tensor features(int[] rows) {
        return gather(features, featureCount, rows);
    }

    /** The targets of {@code rows}, (rows, targetCount). */
    Tensor targets(int[] rows) {
        return gather(targets, targetCount, rows);
    }

    /**
     * The rows {@code rows} as a data set, gathered into storage the shard keeps between rounds: a
     * whole-shard round of Fashion-MNIST gathers 85 MB, which a fresh allocation every round made the
     * executor's 1 GB heap work for. Hand it back with {@link #giveBack} once trained on. A second
     * caller while the storage is lent (a retried task beside a lost one) gets storage of its own.
     */
    Dataset lend(int[] rows) {
        float[] x;
        float[] d;
        synchronized (this) {
            x = spareFeatures != null && spareFeatures.length == rows.length * featureCount ? spareFeatures : null;
            d = spareTargets != null && spareTargets.length == rows.length * targetCount ? spareTargets : null;
            spareFeatures = null;
            spareTargets = null;
        }
        return Dataset.regression(gather(features, featureCount, rows, x), gather(targets, targetCount, rows, d));
    }

    /** Keeps the storage of a data set {@link #lend} returned, for the next round. */
    synchronized void giveBack(Dataset lent) {
        spareFeatures = lent.features().floatData();
        spareTargets = lent.targets().floatData();
    }

    private static Tensor gather(float[] source, int width, int[] rows) {
        return gather(source, width, rows, null);
    }

    /** {@code into}: storage of rows × width floats to gather into, or null for new storage. */
    private static Tensor gather(float[] source, int width, int[] rows, float[] into) {
        float[] out = into != null ? into : new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(source, rows[i] * width, out, i * width, width);
        }
        return Tensor.of(out, rows.length, width);
    }
}
