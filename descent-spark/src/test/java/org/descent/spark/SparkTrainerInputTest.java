package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.descent.DescentException;
import org.descent.data.EmbeddedData;
import org.descent.nn.LayerSpec;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.loss.L2Loss;
import org.descent.optim.GradientDescent;
import org.descent.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** Bad input gets one clear message on the driver, not a Spark stack trace to read. */
class SparkTrainerInputTest {
    private static final NetworkSpec NET = new NetworkSpec(2, List.of(LayerSpec.linear(1)), "regression", "l2", 0,
            List.of(), null);

    private static SparkTrainer trainer(double learningRate, int epochs) {
        Model model = Model.create(NET, new Random(1));
        return new SparkTrainer(model, L2Loss::new, new GradientDescent(model.network().parameters(), learningRate),
                new TrainingConfig(epochs, 2, 1));
    }

    private static JavaRDD<Sample> samples(Sample... samples) {
        return LocalSpark.context().parallelize(List.of(samples), 2);
    }

    private static void assertMessage(String expected, Runnable call) {
        DescentException e = assertThrows(DescentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aSampleOfTheWrongWidthIsNamed() {
        JavaRDD<Sample> data = samples(new Sample(new float[] {1, 2}, new float[] {3}),
                new Sample(new float[] {1, 2}, new float[] {3}), new Sample(new float[] {1, 2, 5}, new float[] {3}));
        assertMessage("sample 1 of partition 1 has 3 features but the network has 2 inputs", () -> trainer(0.1, 1).fit(data));
    }

    @Test
    void aTargetOfTheWrongWidthIsNamed() {
        JavaRDD<Sample> data = samples(new Sample(new float[] {1, 2}, new float[] {3, 4}));
        assertMessage("has 2 target values but the network has 1 outputs", () -> trainer(0.1, 1).fit(data));
    }

    @Test
    void anEmptyRddIsRefused() {
        assertMessage("the training RDD has no samples", () -> trainer(0.1, 1).fit(samples()));
    }

    @Test
    void aDivergingRunStopsNamingTheStep() {
        JavaRDD<Sample> data = samples(new Sample(new float[] {1e3f, 1e3f}, new float[] {1}),
                new Sample(new float[] {-1e3f, 2e3f}, new float[] {-1}));
        assertMessage("; the run diverged: try a smaller learning rate", () -> trainer(1e6, 10).fit(data));
    }

    @Test
    void theOptimizerMustUpdateTheModel() {
        Model model = Model.create(NET, new Random(1));
        Model other = Model.create(NET, new Random(1));
        assertMessage("build it over model.network().parameters()", () -> new SparkTrainer(model, L2Loss::new,
                new GradientDescent(other.network().parameters(), 0.1), new TrainingConfig(1, 1, 1)));
    }

    @Test
    void partitionsMustBePositive() {
        assertMessage("at least 1, got 0", () -> SparkTrainer.distribute(LocalSpark.context(),
                EmbeddedData.iris(), 0));
    }
}
