package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.loss.CrossEntropy;
import org.descent.nn.LayerArguments;
import org.descent.nn.LayerSpec;
import org.descent.nn.Module;
import org.descent.nn.Sequential;
import org.descent.optim.Adam;
import org.descent.optim.GradientDescent;
import org.descent.tensor.Tensor;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/**
 * Sync mode brings batch norm's running statistics back from the executors: the partitions'
 * buffers, averaged weighted by their samples, are the driver's after every step.
 */
class SparkBatchNormTest {
    private static final Dataset IRIS = Normalize.standardize(EmbeddedData.iris()).apply(EmbeddedData.iris());
    private static final NetworkSpec NET = new NetworkSpec(4, List.of(LayerSpec.linear(6),
            new LayerSpec("batch_norm", LayerArguments.none()), LayerSpec.activation("relu"), LayerSpec.linear(3)),
            "classification", "cross-entropy", 3, List.of(), null);

    /** With one partition every step is one machine's step, running statistics included. */
    @Test
    void onePartitionEndsWithOneMachinesRunningStatistics() {
        TrainingConfig config = new TrainingConfig(2, 32, 6);
        Model local = Model.create(NET, new Random(3));
        new Trainer(local.network(), new CrossEntropy(), new Adam(local.network().parameters(), 0.01), Task.MULTICLASS,
                config).fit(IRIS, null);
        Model distributed = Model.create(NET, new Random(3));
        new SparkTrainer(distributed, CrossEntropy::new, new Adam(distributed.network().parameters(), 0.01), config)
                .fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 1));
        States.assertClose(local.network(), distributed.network(), 1e-5);
    }

    /**
     * Two partitions, one full-batch step: each partition's running mean is 0.9·0 + 0.1·μ_p, and their
     * average weighted by samples is 0.1 times the mean over all samples; the counter is 1.
     */
    @Test
    void twoPartitionsAverageTheirRunningMeansWeightedBySamples() {
        Model model = Model.create(NET, new Random(3));
        Module first = ((Sequential) model.network()).layers().get(0);
        double[] preNorm = first.forward(IRIS.features()).toDoubleArray();
        new SparkTrainer(model, CrossEntropy::new, new GradientDescent(model.network().parameters(), 0.1),
                new TrainingConfig(1, 0, 1)).fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 2));

        Tensor runningMean = model.network().state().get("layers.1.running_mean");
        for (int j = 0; j < 6; j++) {
            double mean = 0;
            for (int n = 0; n < IRIS.size(); n++) {
                mean += preNorm[n * 6 + j] / IRIS.size();
            }
            assertEquals(0.1 * mean, runningMean.get(j), 1e-6, "running_mean[" + j + "]");
        }
        assertEquals(1.0, model.network().state().get("layers.1.num_batches_tracked").get(0));
    }
}
