package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.descent.autograd.NoGrad;
import org.descent.data.Dataset;
import org.descent.loss.CrossEntropy;
import org.descent.nn.LayerArguments;
import org.descent.nn.LayerSpec;
import org.descent.optim.Optimizer;
import org.descent.optim.StepSize;
import org.descent.tensor.Tensor;
import org.descent.train.StepResult;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import org.descent.train.TrainingListener;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, reproducer 23: {@code Model.predict} must not flip the network's shared train/eval
 * flag. One thread trains a network with batch normalization and dropout (training mode: batch
 * statistics, random masks) while three threads predict with the same model all the time. Every
 * prediction equals the evaluation-mode result, and the training's step losses equal, bit for
 * bit, those of the same run without predictions. (Had predict switched the network to eval, the
 * training would have run some steps without dropout and with running statistics, and the
 * predictions some passes with them.)
 *
 * <p>So that "the evaluation-mode result" stays one fixed tensor while training runs, the
 * optimizer leaves the weights alone and the batch norm's momentum is 0 (its running statistics
 * stay 0 and 1): what changes from step to step is only what training mode does, the dropout
 * masks and the batch statistics.
 */
class ModelPredictThreadsTest {
    private static final int STEPS_PER_EPOCH = 8;
    private int predictedDuringTraining;

    @Test
    void predictionsWhileTrainingAreEvalResultsAndLeaveTheTrainingAlone() throws Exception {
        Random random = new Random(5);
        float[] values = new float[128 * 6];
        int[] labels = new int[128];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(3);
        }
        Dataset data = Dataset.classification(Tensor.of(values, 128, 6), labels, 3, List.of());
        Tensor features = Tensor.of(java.util.Arrays.copyOf(values, 20 * 6), 20, 6);

        List<Double> alone = train(data, null, null);
        Model reference = model();
        float[] expected;
        reference.network().eval();
        try (NoGrad scope = NoGrad.enter()) {
            expected = reference.network().forward(features).floatData().clone();
        }

        Model shared = model();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger predictions = new AtomicInteger();
        AtomicReference<String> wrong = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread thread = new Thread(() -> {
                while (!done.get() && wrong.get() == null) {
                    float[] got = shared.predict(features).floatData();
                    if (!java.util.Arrays.equals(expected, got)) {
                        wrong.set("prediction " + predictions.get() + " differs from the eval-mode result");
                    }
                    predictions.incrementAndGet();
                }
            });
            threads.add(thread);
            thread.start();
        }
        List<Double> withPredictions;
        try {
            withPredictions = train(data, shared, predictions);
        } finally {
            done.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
        }
        assertEquals(null, wrong.get());
        assertTrue(predictedDuringTraining > 0, "the threads predicted while training ran: " + predictedDuringTraining);
        assertArrayEquals(alone.stream().mapToDouble(Double::doubleValue).toArray(),
                withPredictions.stream().mapToDouble(Double::doubleValue).toArray(), "the training's step losses");
    }

    /** 6 → Linear(16) → batch_norm (momentum 0) → relu → dropout(0.5) → Linear(3), the same weights every time. */
    private static Model model() {
        NetworkSpec spec = new NetworkSpec(6, List.of(LayerSpec.linear(16),
                new LayerSpec("batch_norm", LayerArguments.of("eps", 1e-5, "momentum", 0.0)), LayerSpec.activation("relu"),
                new LayerSpec("dropout", LayerArguments.of("p", 0.5)), LayerSpec.linear(3)),
                "multiclass", "cross-entropy", 3, List.of(), null);
        return Model.create(spec, new Random(11));
    }

    /**
     * The step losses of 30 epochs on {@code data} ({@code shared}'s network, or a new one); with
     * {@code predictions}, the number made between the first and the last step goes to {@link #predictedDuringTraining}.
     */
    private List<Double> train(Dataset data, Model shared, AtomicInteger predictions) {
        Model model = shared != null ? shared : model();
        List<Double> losses = new ArrayList<>();
        Optimizer keep = new Optimizer(model.network().parameters(), StepSize.constant(0.1)) {
            @Override
            protected void update(int index, Tensor value, Tensor grad, int from, int to, double learningRate) {
                // leaves the weights: the eval-mode result stays one tensor
            }
        };
        new Trainer(model.network(), new CrossEntropy(), keep, Task.MULTICLASS,
                new TrainingConfig(30, 128 / STEPS_PER_EPOCH, 7))
                .addListener(new TrainingListener() {
                    @Override
                    public void onStep(Trainer trainer, StepResult step) {
                        losses.add(step.loss());
                        if (predictions != null && losses.size() == 1) {
                            predictedDuringTraining = -predictions.get();
                        } else if (predictions != null && losses.size() == 30 * STEPS_PER_EPOCH) {
                            predictedDuringTraining += predictions.get();
                        }
                    }
                })
                .fit(data, null);
        assertEquals(30 * STEPS_PER_EPOCH, losses.size());
        return losses;
    }
}
