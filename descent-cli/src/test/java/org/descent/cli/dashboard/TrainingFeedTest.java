package org.descent.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.data.Split;
import org.descent.loss.CrossEntropy;
import org.descent.nn.Linear;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.optim.Adam;
import org.descent.train.EpochResult;
import org.descent.train.History;
import org.descent.train.StepResult;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import org.descent.train.TrainingListener;
import org.junit.jupiter.api.Test;

/** The events a run sends to the page: their JSON, and which steps are sent. */
class TrainingFeedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theJsonOfAStepHoldsItsFiguresAndNullForNaN() throws Exception {
        JsonNode step = JSON.readTree(TrainingFeed.stepJson(new StepResult(42, 3, 2, 20, 0.25, 1e-3, List.of()), 0.5,
                0.75));
        assertEquals(42, step.get("step").asLong());
        assertEquals(3, step.get("epoch").asInt());
        assertEquals(2, step.get("batch").asInt());
        assertEquals(20, step.get("batchesPerEpoch").asInt());
        assertEquals(0.5, step.get("loss").asDouble(), "the loss given (the mean since the point before)");
        assertEquals(0.75, step.get("accuracy").asDouble(), "the batch accuracy given (the mean since the point before)");
        assertEquals(1e-3, step.get("learningRate").asDouble());
        assertEquals(0.0, step.get("gradientNorm").asDouble(), "no parameters, no gradient");
        JsonNode diverged = JSON.readTree(TrainingFeed.stepJson(new StepResult(1, 1, 1, 1, Double.NaN, 0.1, List.of()),
                Double.POSITIVE_INFINITY, Double.NaN));
        assertTrue(diverged.get("loss").isNull(), diverged.toString());
        assertTrue(diverged.get("accuracy").isNull(), "regression: no accuracy");
    }

    @Test
    void atMostAHundredStepsAnEpochAreSentAlwaysWithTheLastAndTheirLossIsTheMeanSinceThePointBefore()
            throws Exception {
        EventLog log = new EventLog();
        TrainingFeed feed = new TrainingFeed(log, "test");
        feed.onStart(null, 2, 250);
        long step = 0;
        for (int epoch = 1; epoch <= 2; epoch++) {
            for (int batch = 1; batch <= 250; batch++) {
                feed.onStep(null, new StepResult(++step, epoch, batch, 250, batch, 0.1, List.of()));
            }
        }
        List<JsonNode> steps = new ArrayList<>();
        for (EventLog.Event event : log.from(0, 0)) {
            if (event.type().equals("step")) {
                steps.add(JSON.readTree(event.json()));
            }
        }
        assertEquals(3, TrainingFeed.stride(250));
        assertEquals(2 * 84, steps.size(), "batches 3, 6, .., 249 and 250 of each epoch");
        assertEquals(3, steps.get(0).get("batch").asInt());
        assertEquals(2.0, steps.get(0).get("loss").asDouble(), "mean of batches 1, 2, 3");
        assertEquals(250, steps.get(83).get("batch").asInt());
        assertEquals(250.0, steps.get(83).get("loss").asDouble(), "batch 250 alone after batch 249");
        assertEquals(2.0, steps.get(84).get("loss").asDouble(), "the next epoch starts a new mean");
        assertEquals(1, TrainingFeed.stride(100));
        assertEquals(9, TrainingFeed.stride(844), "Fashion-MNIST at batch 64: 94 points an epoch");
    }

    @Test
    void aRealRunSendsStartEveryStepEachEpochAsTrainedAndTheEnd() throws Exception {
        Split digits = Split.of(EmbeddedData.digits(), 0.7, 0.15, 3, true);
        Normalize scale = Normalize.standardize(digits.train());
        Random random = new Random(5);
        Sequential model = new Sequential(new Linear(64, 16, random), new Relu(), new Linear(16, 10, random));
        EventLog log = new EventLog();
        List<Double> gradientNorms = new ArrayList<>();
        Trainer trainer = new Trainer(model, new CrossEntropy(), new Adam(model.parameters(), 0.01), Task.MULTICLASS,
                new TrainingConfig(2, 64, 7)).addListener(new TrainingFeed(log, "digits"))
                .addListener(new TrainingListener() {
                    @Override
                    public void onStep(Trainer t, StepResult step) {
                        gradientNorms.add(step.gradientNorm());
                    }
                });
        History history = trainer.fit(scale.apply(digits.train()), scale.apply(digits.validation()));
        List<JsonNode> steps = new ArrayList<>();
        List<JsonNode> epochs = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (EventLog.Event event : log.from(0, 0)) {
            types.add(event.type());
            JsonNode data = JSON.readTree(event.json());
            (event.type().equals("step") ? steps : event.type().equals("epoch") ? epochs : new ArrayList<JsonNode>())
                    .add(data);
        }
        assertEquals("start", types.get(0));
        assertEquals("end", types.get(types.size() - 1));
        assertEquals(gradientNorms.size(), steps.size(), "20 batches an epoch: every step is sent");
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(i + 1, steps.get(i).get("step").asLong());
            assertEquals(gradientNorms.get(i), steps.get(i).get("gradientNorm").asDouble(), "step " + (i + 1));
        }
        assertEquals(2, epochs.size());
        for (int i = 0; i < 2; i++) {
            EpochResult e = history.epochs().get(i);
            JsonNode json = epochs.get(i);
            assertEquals(e.epoch(), json.get("epoch").asInt());
            assertEquals(2, json.get("epochs").asInt());
            assertEquals(e.trainLoss(), json.get("trainLoss").asDouble(), "exact: the page formats the same double");
            assertEquals(e.validationLoss(), json.get("validationLoss").asDouble());
            assertEquals(e.validationAccuracy(), json.get("validationAccuracy").asDouble());
            assertEquals(e.gradientNorm(), json.get("gradientNorm").asDouble());
            assertEquals(e.learningRate(), json.get("learningRate").asDouble());
        }
    }
}
