package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.nn.LayerSpec;
import org.descent.io.GraphNodeSpec;
import org.descent.io.GraphSpec;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.loss.BinaryCrossEntropyWithLogits;
import org.descent.loss.CrossEntropy;
import org.descent.loss.Loss;
import org.descent.nn.Combine;
import org.descent.nn.Parameter;
import org.descent.optim.Adam;
import org.descent.optim.GradientDescent;
import org.descent.optim.GradientDescentConfig;
import org.descent.optim.Optimizer;
import org.descent.train.EpochResult;
import org.descent.train.Evaluation;
import org.descent.train.History;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/**
 * The Spark run is the single-machine run: same batches, same gradients up to float32 rounding,
 * same optimizer steps. Each test compares the weights after training with {@link Trainer}'s.
 */
class SparkTrainerTest {
    private static final Dataset IRIS = standardized(EmbeddedData.iris());
    private static final NetworkSpec IRIS_NET = new NetworkSpec(4,
            List.of(LayerSpec.linear(8), LayerSpec.activation("tanh"), LayerSpec.linear(3)),
            "classification", "cross-entropy", 3, List.of(), null);

    private static Dataset standardized(Dataset data) {
        return Normalize.standardize(data).apply(data);
    }

    @Test
    void gradientDescentWithMomentumMatchesOneMachine() {
        Function<List<Parameter>, Optimizer> momentum =
                p -> new GradientDescent(p, GradientDescentConfig.of(0.1).withMomentum(0.9));
        compareWithOneMachine(IRIS, IRIS_NET, CrossEntropy::new, momentum, new TrainingConfig(3, 16, 7), 3);
    }

    @Test
    void adamMatchesOneMachine() {
        compareWithOneMachine(IRIS, IRIS_NET, CrossEntropy::new, p -> new Adam(p, 0.01), new TrainingConfig(2, 32, 3), 2);
    }

    /** Any network the model file can describe trains on Spark: here a graph with a skip connection. */
    @Test
    void aGraphNetworkMatchesOneMachine() {
        NetworkSpec graph = new NetworkSpec(4, new GraphSpec(List.of(
                new GraphNodeSpec("h", LayerSpec.linear(8), Combine.SUM, List.of("input")),
                new GraphNodeSpec("a", LayerSpec.activation("tanh"), Combine.SUM, List.of("h")),
                new GraphNodeSpec("out", LayerSpec.linear(3), Combine.CONCAT, List.of("input", "a")))),
                "classification", "cross-entropy", 3, List.of(), null, 0);
        compareWithOneMachine(IRIS, graph, CrossEntropy::new, p -> new Adam(p, 0.01), new TrainingConfig(2, 32, 3), 2);
    }

    @Test
    void fullBatchBinaryClassificationMatchesOneMachine() {
        Dataset cancer = standardized(EmbeddedData.breastCancer()).binary(1);
        NetworkSpec spec = new NetworkSpec(cancer.featureCount(),
                List.of(LayerSpec.linear(6), LayerSpec.activation("relu"), LayerSpec.linear(1)),
                "binary", "binary-cross-entropy-with-logits", 0, List.of(), null);
        compareWithOneMachine(cancer, spec, BinaryCrossEntropyWithLogits::new, p -> new GradientDescent(p, 0.5),
                new TrainingConfig(5, 0, 1), 4);
    }

    @Test
    void morePartitionsThanBatchSamplesLeaveSomePartitionsIdle() {
        Dataset few = IRIS.subset(new int[] {0, 60, 120, 1, 61});
        compareWithOneMachine(few, IRIS_NET, CrossEntropy::new, p -> new GradientDescent(p, 0.2),
                new TrainingConfig(2, 2, 5), 8);
    }

    @Test
    void theSameDataInTheSamePartitionsGiveBitwiseTheSameRun() {
        Model first = trainOnSpark(IRIS, 3, 11);
        Model second = trainOnSpark(IRIS, 3, 11);
        first.network().namedParameters().forEach((name, p) -> assertArrayEquals(p.value().toDoubleArray(),
                second.network().namedParameters().get(name).value().toDoubleArray(), name));
    }

    @Test
    void anotherPartitioningChangesOnlyTheRounding() {
        Model one = trainOnSpark(IRIS, 1, 12);
        Model four = trainOnSpark(IRIS, 4, 12);
        assertClose(one, four, 1e-5);
    }

    @Test
    void learnsIris() {
        Model model = Model.create(IRIS_NET, new Random(2));
        History history = new SparkTrainer(model, CrossEntropy::new, new Adam(model.network().parameters(), 0.05),
                new TrainingConfig(10, 50, 2)).fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 2));
        assertEquals(10, history.epochs().size());
        assertTrue(history.last().trainLoss() < 0.5 * history.epochs().get(0).trainLoss(), history.toCsv());
        double accuracy = Evaluation.of(model.network(), new CrossEntropy(), Task.MULTICLASS, IRIS).accuracy();
        assertTrue(accuracy > 0.9, "training accuracy " + accuracy);
    }

    private static Model trainOnSpark(Dataset data, int partitions, long seed) {
        Model model = Model.create(IRIS_NET, new Random(seed));
        new SparkTrainer(model, CrossEntropy::new, new Adam(model.network().parameters(), 0.02),
                new TrainingConfig(2, 25, seed)).fit(SparkTrainer.distribute(LocalSpark.context(), data, partitions));
        return model;
    }

    private static void compareWithOneMachine(Dataset data, NetworkSpec spec, LossFactory loss,
                                              Function<List<Parameter>, Optimizer> optimizer, TrainingConfig config,
                                              int partitions) {
        Model local = Model.create(spec, new Random(5));
        Model distributed = Model.create(spec, new Random(5));
        Loss lossFunction = loss.get();
        History expected = new Trainer(local.network(), lossFunction, optimizer.apply(local.network().parameters()),
                Task.MULTICLASS, config).fit(data, null);
        History actual = new SparkTrainer(distributed, loss, optimizer.apply(distributed.network().parameters()), config)
                .fit(SparkTrainer.distribute(LocalSpark.context(), data, partitions));

        assertClose(local, distributed, 1e-5);
        assertEquals(expected.epochs().size(), actual.epochs().size());
        for (int e = 0; e < expected.epochs().size(); e++) {
            EpochResult want = expected.epochs().get(e);
            EpochResult got = actual.epochs().get(e);
            assertEquals(want.trainLoss(), got.trainLoss(), 1e-5 * Math.abs(want.trainLoss()), "epoch " + (e + 1) + " loss");
            assertEquals(want.gradientNorm(), got.gradientNorm(), 1e-4 * want.gradientNorm(), "epoch " + (e + 1) + " ‖∇‖");
            assertEquals(want.learningRate(), got.learningRate(), 0.0);
        }
    }

    /** Every weight within {@code relative} of the largest weight of its tensor: float32 rounding, not another run. */
    private static void assertClose(Model expected, Model actual, double relative) {
        Map<String, Parameter> got = actual.network().namedParameters();
        expected.network().namedParameters().forEach((name, p) -> {
            double[] want = p.value().toDoubleArray();
            double[] have = got.get(name).value().toDoubleArray();
            double scale = 0;
            for (double w : want) {
                scale = Math.max(scale, Math.abs(w));
            }
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], have[i], relative * scale, name + "[" + i + "]");
            }
        });
    }
}
