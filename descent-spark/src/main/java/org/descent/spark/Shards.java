package org.descent.spark;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.descent.DescentException;

/**
 * The training RDD packed into one {@link PartitionShard} per partition, cached on the executors
 * ({@code MEMORY_ONLY}; a lost one is rebuilt from its lineage), and the global index of each
 * partition's first sample. Shared by both training modes.
 */
final class Shards {
    private Shards() {
    }

    static JavaRDD<PartitionShard> pack(JavaRDD<Sample> train, int inputs, int outputs) {
        return pack(train, inputs, outputs, null);
    }

    /**
     * The same, with the executors' JIT warmed by {@code warmup} (null for none) while each reads
     * and packs its partition: the warm-up stops when the shard is packed.
     */
    static JavaRDD<PartitionShard> pack(JavaRDD<Sample> train, int inputs, int outputs, Warmup warmup) {
        return train.mapPartitionsWithIndex((p, samples) -> {
            try (Warmup.Running warming = warmup == null ? null : warmup.start(p)) {
                return List.of(PartitionShard.pack(p, samples, inputs, outputs)).iterator();
            }
        }, true).persist(StorageLevel.MEMORY_ONLY());
    }

    /** The global index of each partition's first sample (the prefix sums of the sizes), and the total last. */
    static long[] firstSamples(JavaRDD<PartitionShard> shards) {
        List<Integer> sizes = shards.map(PartitionShard::size).collect();
        long[] first = new long[sizes.size() + 1];
        for (int p = 0; p < sizes.size(); p++) {
            first[p + 1] = first[p] + sizes.get(p);
        }
        long n = first[first.length - 1];
        if (n == 0) {
            throw new DescentException("the training RDD has no samples (" + shards.getNumPartitions() + " partitions)");
        }
        if (n > Integer.MAX_VALUE) {
            throw new DescentException("the training RDD has " + n + " samples; at most " + Integer.MAX_VALUE
                    + " are supported");
        }
        return first;
    }

    /**
     * Whether the partitions of a round ran on fewer executors than are alive (the driver, which
     * Spark's status tracker lists too, not counted). After an executor is lost its shards are
     * rebuilt on the survivors, and locality then keeps every later round there while a replacement
     * idles: the caller repacks the shards, so the tasks that rebuild them spread over the live
     * executors.
     */
    static boolean crowded(List<PartitionModel> round, JavaSparkContext context) {
        long used = round.stream().map(PartitionModel::executor).distinct().count();
        int live = context.sc().statusTracker().getExecutorInfos().length - 1;
        return used < Math.min(round.size(), live);
    }

    /** A failed Spark job as one DescentException: a bad sample's message first, as Spark wraps it. */
    static DescentException failure(Exception e) {
        if (e instanceof DescentException descent) {
            return descent;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DescentException) {
                return new DescentException(cause.getMessage(), e);
            }
        }
        return new DescentException("the Spark job failed: " + e.getMessage(), e);
    }
}
