package org.descent.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.data.Normalize;

/**
 * The training rows of {@code --data} read by each executor itself, from the data set's files
 * (or the embedded digits), instead of being broadcast by the driver: partition p reads the data,
 * cuts the same training split as the driver (same seed, same code: {@link RunData#train}), and
 * keeps rows {@code ⌊p·n/P⌋ .. ⌊(p+1)·n/P⌋ − 1}, normalized with the driver's statistics. Those are
 * the rows {@link SparkTrainer#distribute} would give partition p, bit for bit, so the run is the
 * same; but no one serializes, sends and decodes 169 MB for Fashion-MNIST, and the executors read
 * while the driver still prepares. The files must be readable at the same path on every executor.
 * Only the statistics (a small broadcast) leave the driver, so a task stays small.
 */
final class ExecutorRows implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String data;
    private final long seed;
    private final int partitions;
    private final Normalize.Method method;
    private final double[] shift;
    private final double[] second;

    private ExecutorRows(String data, long seed, int partitions, Normalize normalize) {
        this.data = data;
        this.seed = seed;
        this.partitions = partitions;
        this.method = normalize.method();
        this.shift = normalize.shift();
        this.second = normalize.secondStatistic();
    }

    /**
     * The training rows of {@code data} (a name {@link RunData#readableOnExecutors} accepts) as an
     * RDD of {@code partitions} slices in order, each read by the executor that computes it.
     */
    static JavaRDD<Sample> distribute(JavaSparkContext context, String data, long seed, Normalize normalize,
                                      int partitions) {
        if (partitions < 1) {
            throw new DescentException("the number of partitions must be at least 1, got " + partitions);
        }
        Broadcast<ExecutorRows> rows = context.broadcast(new ExecutorRows(RunData.absolute(data), seed, partitions,
                normalize));
        List<Integer> slices = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            slices.add(p);
        }
        return context.parallelize(slices, partitions)
                .mapPartitionsWithIndex((p, ignored) -> rows.value().samples(p).iterator(), true);
    }

    /** Partition {@code p}'s samples, read from the data and normalized. */
    List<Sample> samples(int p) {
        Normalize normalize = method == Normalize.Method.STANDARDIZE ? Normalize.standardize(shift, second)
                : Normalize.minMax(shift, second);
        return Sample.of(normalize.apply(RunData.trainRows(data, seed, p, partitions)));
    }
}
