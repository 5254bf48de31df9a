package org.descent.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.loss.CrossEntropy;
import org.descent.loss.L2Loss;
import org.descent.loss.BinaryCrossEntropyWithLogits;
import org.descent.nn.Linear;
import org.descent.nn.Sequential;
import org.descent.train.Evaluation;
import org.descent.train.Task;
import org.junit.jupiter.api.Test;

/** The result event: the confusion matrix as evaluated, and the misclassified images as they were before scaling. */
class TestResultTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theConfusionMatrixAndTheMisclassifiedDigitsOfAnUntrainedNetwork() throws Exception {
        Dataset raw = EmbeddedData.digits();
        Normalize scale = Normalize.standardize(raw);
        Dataset data = scale.apply(raw);
        Sequential model = new Sequential(new Linear(64, 10, new Random(1)));
        Evaluation test = Evaluation.of(model, new CrossEntropy(), Task.MULTICLASS, data);
        JsonNode result = JSON.readTree(TestResult.json(test, data, model, Task.MULTICLASS, scale,
                Dashboard.imageSide("digits", 64)));
        assertEquals(test.accuracy(), result.get("testAccuracy").asDouble());
        assertEquals(test.loss(), result.get("testLoss").asDouble());
        assertEquals(10, result.get("classes").size());
        long total = 0;
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                assertEquals(test.confusion().count(i, j), result.get("confusion").get(i).get(j).asLong());
                total += result.get("confusion").get(i).get(j).asLong();
            }
        }
        assertEquals(data.size(), total);
        assertEquals(8, result.get("imageSide").asInt());
        JsonNode images = result.get("misclassified");
        assertEquals(TestResult.IMAGES, images.size(), "an untrained network gets far more than 40 wrong");
        for (JsonNode image : images) {
            int sample = image.get("sample").asInt();
            assertNotEquals(image.get("actual").asText(), image.get("predicted").asText());
            assertEquals(String.valueOf(raw.label(sample)), image.get("actual").asText());
            // The raw digit (0..16 per pixel) scaled to 0..255 by its own minimum and maximum.
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int j = 0; j < 64; j++) {
                min = Math.min(min, raw.features().get(sample * 64 + j));
                max = Math.max(max, raw.features().get(sample * 64 + j));
            }
            for (int j = 0; j < 64; j++) {
                double expected = 255 * (raw.features().get(sample * 64 + j) - min) / (max - min);
                assertEquals(expected, image.get("pixels").get(j).asInt(), 0.51, "sample " + sample + " pixel " + j);
            }
        }
    }

    @Test
    void aBinaryTaskOnDigitsShowsItsMisclassifiedImagesWithTheTwoClassNames() throws Exception {
        Dataset data = EmbeddedData.digits().binary(2);
        Sequential model = new Sequential(new Linear(64, 1, new Random(2)));
        Evaluation test = Evaluation.of(model, new BinaryCrossEntropyWithLogits(), Task.BINARY, data);
        JsonNode result = JSON.readTree(TestResult.json(test, data, model, Task.BINARY, null, 8));
        assertEquals(2, result.get("classes").size());
        assertTrue(result.get("misclassified").size() > 0, result.toString());
        for (JsonNode image : result.get("misclassified")) {
            assertEquals(data.className(data.label(image.get("sample").asInt())), image.get("actual").asText());
            assertNotEquals(image.get("actual").asText(), image.get("predicted").asText());
        }
    }

    @Test
    void noImagesForDataThatAreNoImagesAndNoMatrixForRegression() throws Exception {
        Dataset iris = EmbeddedData.iris();
        Sequential model = new Sequential(new Linear(4, 3, new Random(1)));
        Evaluation test = Evaluation.of(model, new CrossEntropy(), Task.MULTICLASS, iris);
        assertEquals(0, Dashboard.imageSide("iris", 4));
        JsonNode result = JSON.readTree(TestResult.json(test, iris, model, Task.MULTICLASS, null, 0));
        assertTrue(result.has("confusion"));
        assertFalse(result.has("misclassified"));
        Dataset diabetes = EmbeddedData.diabetes();
        Sequential regression = new Sequential(new Linear(diabetes.featureCount(), 1, new Random(1)));
        Evaluation fit = Evaluation.of(regression, new L2Loss(), Task.REGRESSION, diabetes);
        JsonNode figures = JSON.readTree(TestResult.json(fit, diabetes, regression, Task.REGRESSION, null, 0));
        assertFalse(figures.has("confusion"));
        assertTrue(figures.get("regression").asText().contains("R²"), figures.toString());
        assertEquals(28, Dashboard.imageSide("fashion-mnist", 784));
        assertEquals(0, Dashboard.imageSide("no-such-folder", 784));
    }
}
