package org.descent.cli.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.descent.autograd.NoGrad;
import org.descent.data.Dataset;
import org.descent.data.Normalize;
import org.descent.eval.ConfusionMatrix;
import org.descent.nn.EvalMode;
import org.descent.nn.Module;
import org.descent.tensor.Tensor;
import org.descent.train.Evaluation;
import org.descent.train.Task;

/**
 * The {@code result} event of a run: the test figures and, for classification, the confusion
 * matrix; for image data also the first {@value #IMAGES} misclassified test images, their
 * pixels undone from the standardization and scaled to 0..255 per image.
 */
final class TestResult {
    static final int IMAGES = 40;

    private TestResult() {
    }

    /**
     * @param normalize the standardization the features went through (to show the raw images), or null
     * @param imageSide the side of a square image when the features are one, else 0
     */
    static String json(Evaluation test, Dataset data, Module model, Task task, Normalize normalize, int imageSide) {
        Map<String, Object> result = Json.object("samples", data.size(), "testLoss", Json.number(test.loss()));
        ConfusionMatrix confusion = test.confusion();
        if (confusion == null) {
            result.put("regression", String.valueOf(test.regression()));
            return Json.write(result);
        }
        result.put("testAccuracy", Json.number(test.accuracy()));
        List<String> names = new ArrayList<>();
        long[][] counts = new long[confusion.classes()][confusion.classes()];
        for (int i = 0; i < counts.length; i++) {
            names.add(confusion.className(i));
            for (int j = 0; j < counts.length; j++) {
                counts[i][j] = confusion.count(i, j);
            }
        }
        result.put("classes", names);
        result.put("confusion", counts);
        if (imageSide > 0 && imageSide * imageSide == data.featureCount()) {
            result.put("imageSide", imageSide);
            result.put("misclassified", misclassified(data, model, task, normalize, names));
        }
        return Json.write(result);
    }

    private static List<Map<String, Object>> misclassified(Dataset data, Module model, Task task, Normalize normalize,
                                                           List<String> names) {
        int[] predicted;
        try (EvalMode eval = EvalMode.enter(); NoGrad scope = NoGrad.enter()) {
            predicted = task.predictions(model.forward(data.features()));
        }
        Tensor features = data.features();
        int d = data.featureCount();
        double[] shift = normalize == null ? new double[d] : normalize.shift();
        double[] scale = normalize == null ? null : normalize.scale();
        List<Map<String, Object>> images = new ArrayList<>();
        for (int i = 0; i < data.size() && images.size() < IMAGES; i++) {
            if (predicted[i] == data.label(i)) {
                continue;
            }
            double[] raw = new double[d];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < d; j++) {
                raw[j] = features.get(i * d + j) * (scale == null ? 1 : scale[j]) + shift[j];
                min = Math.min(min, raw[j]);
                max = Math.max(max, raw[j]);
            }
            int[] pixels = new int[d];
            for (int j = 0; j < d; j++) {
                pixels[j] = max > min ? (int) Math.round(255 * (raw[j] - min) / (max - min)) : 0;
            }
            images.add(Json.object("sample", i, "actual", names.get(data.label(i)), "predicted",
                    names.get(predicted[i]), "pixels", pixels));
        }
        return images;
    }
}
