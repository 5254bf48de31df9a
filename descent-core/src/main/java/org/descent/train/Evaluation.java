package org.descent.train;

import org.descent.autograd.NoGrad;
import org.descent.data.Dataset;
import org.descent.eval.ConfusionMatrix;
import org.descent.eval.RegressionMetrics;
import org.descent.loss.Loss;
import org.descent.nn.EvalMode;
import org.descent.nn.Module;
import org.descent.tensor.Tensor;

/**
 * A model's figures on one data set: the loss and, for classification, the confusion matrix
 * (accuracy, precision, recall), for regression MSE, MAE and R².
 */
public record Evaluation(double loss, ConfusionMatrix confusion, RegressionMetrics regression) {

    public static Evaluation of(Module model, Loss loss, Task task, Dataset data) {
        try (EvalMode eval = EvalMode.enter(); NoGrad scope = NoGrad.enter()) {
            Tensor outputs = model.forward(data.features());
            double value = loss.compute(outputs, data.targets()).item();
            if (task.isClassification()) {
                int classes = task == Task.BINARY ? 2 : data.classes();
                ConfusionMatrix cm = ConfusionMatrix.of(data.labels(), task.predictions(outputs), classes,
                        data.classNames());
                return new Evaluation(value, cm, null);
            }
            return new Evaluation(value, null, RegressionMetrics.of(outputs, data.targets()));
        }
    }

    /** The accuracy for classification, NaN for regression. */
    public double accuracy() {
        return confusion == null ? Double.NaN : confusion.accuracy();
    }
}
