package org.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.descent.autograd.NoGrad;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.loss.BinaryCrossEntropyWithLogits;
import org.descent.loss.CrossEntropy;
import org.descent.loss.Loss;
import org.descent.nn.Linear;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.optim.GradientDescent;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@link StepResult#batchAccuracy()}: on full batches (--batch 0) the step's batch is the whole
 * training set, so each step's accuracy must equal the one counted here from the network's own
 * outputs and the labels, with the weights of that step (listeners run before the update).
 */
class BatchAccuracyTest {
    private static final Dataset DIGITS = EmbeddedData.digits();

    @Test
    void multiClassStepsReportTheirBatchsAccuracy() {
        checkSteps(DIGITS, 10, new CrossEntropy(), Task.MULTICLASS);
    }

    @Test
    void binaryStepsReportTheirBatchsAccuracy() {
        int[] labels = new int[DIGITS.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = DIGITS.label(i) % 2;
        }
        Dataset oddOrEven = new Dataset(DIGITS.features(), Tensor.of(toFloats(labels), labels.length, 1), labels, 2, null);
        checkSteps(oddOrEven, 1, new BinaryCrossEntropyWithLogits(), Task.BINARY);
    }

    @Test
    void regressionHasNoBatchAccuracy() {
        assertTrue(Double.isNaN(BatchAccuracy.of(Task.REGRESSION, Tensor.zeros(org.descent.tensor.DType.FLOAT32, 2, 1),
                Tensor.zeros(org.descent.tensor.DType.FLOAT32, 2, 1))));
    }

    private static void checkSteps(Dataset data, int outputs, Loss loss, Task task) {
        Random random = new Random(3);
        Sequential model = new Sequential(new Linear(64, 16, random), new Relu(), new Linear(16, outputs, random));
        List<double[]> reportedAndCounted = new ArrayList<>();
        new Trainer(model, loss, new GradientDescent(model.parameters(), 0.02), task, new TrainingConfig(6, 0, 1))
                .addListener(new TrainingListener() {
                    @Override
                    public void onStep(Trainer trainer, StepResult step) {
                        int[] predicted;
                        try (NoGrad scope = NoGrad.enter()) {
                            predicted = task.predictions(model.forward(data.features()));
                        }
                        int correct = 0;
                        for (int i = 0; i < predicted.length; i++) {
                            correct += predicted[i] == data.label(i) ? 1 : 0;
                        }
                        reportedAndCounted.add(new double[] {step.batchAccuracy(), (double) correct / predicted.length});
                    }
                }).fit(data, null);
        assertEquals(6, reportedAndCounted.size());
        for (double[] pair : reportedAndCounted) {
            assertEquals(pair[1], pair[0], 1e-12);
        }
        assertTrue(reportedAndCounted.get(5)[0] > reportedAndCounted.get(0)[0], "the accuracy grows as it trains");
    }

    private static float[] toFloats(int[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
