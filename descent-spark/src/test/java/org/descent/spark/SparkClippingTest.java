package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.loss.CrossEntropy;
import org.descent.nn.LayerSpec;
import org.descent.optim.GradientClipping;
import org.descent.optim.GradientDescent;
import org.descent.train.History;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/**
 * Sync mode clips the gradient of the whole batch with the single-machine {@link Trainer}'s
 * clipping: the weights and the history's norms (from before clipping) are one machine's, and the
 * clipping changes the run.
 */
class SparkClippingTest {
    private static final Dataset IRIS = Normalize.standardize(EmbeddedData.iris()).apply(EmbeddedData.iris());
    private static final NetworkSpec NET = new NetworkSpec(4,
            List.of(LayerSpec.linear(8), LayerSpec.activation("tanh"), LayerSpec.linear(3)),
            "classification", "cross-entropy", 3, List.of(), null);
    private static final TrainingConfig CONFIG = new TrainingConfig(3, 32, 9);

    private record Run(Model model, History history) {
    }

    @Test
    void clippingByNormIsOneMachinesClipping() {
        compare(GradientClipping.byNorm(0.05));
    }

    @Test
    void clippingByValueIsOneMachinesClipping() {
        compare(GradientClipping.byValue(0.01));
    }

    private static void compare(GradientClipping clipping) {
        Model local = Model.create(NET, new Random(4));
        History expected = new Trainer(local.network(), new CrossEntropy(),
                new GradientDescent(local.network().parameters(), 0.5), Task.MULTICLASS, CONFIG)
                .clipGradients(clipping).fit(IRIS, null);
        Run clipped = spark(clipping);
        Run unclipped = spark(null);

        States.assertClose(local.network(), clipped.model().network(), 1e-5);
        for (int e = 0; e < CONFIG.epochs(); e++) {
            double want = expected.epochs().get(e).gradientNorm();
            assertEquals(want, clipped.history().epochs().get(e).gradientNorm(), 1e-4 * want, "epoch " + (e + 1) + " ‖∇‖");
        }
        double limit = clipping.limit();
        assertTrue(clipped.history().last().gradientNorm() > limit, "the history's norm is from before clipping");
        assertTrue(States.largestDifference(clipped.model().network(), unclipped.model().network()) > 0.01,
                "the clipping changed nothing");
    }

    private static Run spark(GradientClipping clipping) {
        Model model = Model.create(NET, new Random(4));
        History history = new SparkTrainer(model, CrossEntropy::new, new GradientDescent(model.network().parameters(),
                0.5), CONFIG).clipGradients(clipping).fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 2));
        return new Run(model, history);
    }
}
