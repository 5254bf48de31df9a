package org.descent.cli;

import java.util.List;
import java.util.Locale;
import org.descent.tensor.Tensor;
import org.descent.train.Task;

/**
 * Predictions as CSV: for classification the predicted class, its name and the probability of
 * each class; for regression the predicted values.
 */
final class PredictionCsv {
    private PredictionCsv() {
    }

    static String format(Task task, Tensor outputs, List<String> classNames) {
        int rows = outputs.shape().dim(0);
        int cols = outputs.shape().dim(1);
        Tensor readable = task.readable(outputs);
        StringBuilder sb = new StringBuilder();
        if (task == Task.REGRESSION) {
            for (int c = 0; c < cols; c++) {
                sb.append(c == 0 ? "" : ",").append("y").append(c);
            }
            sb.append('\n');
        } else {
            sb.append("class,name");
            for (int c = 0; c < (task == Task.BINARY ? 1 : cols); c++) {
                sb.append(",p").append(task == Task.BINARY ? "_positive" : String.valueOf(c));
            }
            sb.append('\n');
        }
        int[] classes = task.isClassification() ? task.predictions(outputs) : null;
        for (int r = 0; r < rows; r++) {
            if (classes != null) {
                int c = classes[r];
                String name = c < classNames.size() ? classNames.get(c) : String.valueOf(c);
                sb.append(c).append(',').append(name.replace(",", " "));
            }
            for (int c = 0; c < cols; c++) {
                sb.append(classes != null || c > 0 ? "," : "")
                        .append(String.format(Locale.ROOT, "%.6g", readable.get(r * cols + c)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
