package org.descent.spark;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.nn.LayerSpec;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.loss.CrossEntropy;
import org.descent.nn.Parameter;
import org.descent.optim.Adam;
import org.descent.train.EpochResult;
import org.descent.train.History;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;

/**
 * The example to run with {@code spark-submit}: trains a 64-32-10 network on the embedded digits
 * (1797 samples) with {@link SparkTrainer}, then the same run with the single-machine
 * {@link Trainer}, and prints the time per step of both and the largest difference between their
 * weights. Arguments: {@code [partitions [epochs [batch size]]]}, default {@code 2 3 64}; the
 * master comes from {@code spark-submit --master}, else {@code local[2]}.
 */
public final class DigitsOnSpark {
    private DigitsOnSpark() {
    }

    public static void main(String[] args) {
        int partitions = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        Dataset digits = EmbeddedData.digits();
        Dataset train = Normalize.standardize(digits).apply(digits);
        NetworkSpec spec = new NetworkSpec(64, List.of(LayerSpec.linear(32), LayerSpec.activation("relu"),
                LayerSpec.linear(10)), "classification", "cross-entropy", 10, List.of(), null);
        TrainingConfig config = new TrainingConfig(epochs, batchSize, 42);

        SparkConf conf = new SparkConf().setAppName("descent digits").setIfMissing("spark.master", "local[2]");
        Model distributed = Model.create(spec, new Random(42));
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            JavaRDD<Sample> samples = SparkTrainer.distribute(spark, train, partitions);
            History history = new SparkTrainer(distributed, CrossEntropy::new,
                    new Adam(distributed.network().parameters(), 0.01), config).fit(samples);
            print("spark " + spark.master() + ", " + partitions + " partitions", history, train.size(), batchSize);
        }
        Model local = Model.create(spec, new Random(42));
        History history = new Trainer(local.network(), new CrossEntropy(), new Adam(local.network().parameters(), 0.01),
                Task.MULTICLASS, config).fit(train, null);
        print("one machine", history, train.size(), batchSize);
        System.out.printf(Locale.ROOT, "largest weight difference: %.3g%n", largestDifference(local, distributed));
    }

    private static void print(String where, History history, int samples, int batchSize) {
        int steps = (samples + batchSize - 1) / batchSize;
        for (EpochResult epoch : history.epochs()) {
            System.out.printf(Locale.ROOT, "%-30s epoch %d  loss %.6f  %6.3f s  %8.2f ms/step%n", where, epoch.epoch(),
                    epoch.trainLoss(), epoch.seconds(), 1000 * epoch.seconds() / steps);
        }
    }

    private static double largestDifference(Model a, Model b) {
        double largest = 0;
        List<Parameter> other = b.network().parameters();
        List<Parameter> own = a.network().parameters();
        for (int i = 0; i < own.size(); i++) {
            double[] x = own.get(i).value().toDoubleArray();
            double[] y = other.get(i).value().toDoubleArray();
            for (int j = 0; j < x.length; j++) {
                largest = Math.max(largest, Math.abs(x[j] - y[j]));
            }
        }
        return largest;
    }
}
