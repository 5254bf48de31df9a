package org.descent.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.io.Model;
import org.descent.io.ModelFile;
import org.descent.loss.CrossEntropy;
import org.descent.loss.Loss;
import org.descent.loss.WeightedCrossEntropy;
import org.descent.train.Task;

/**
 * A saved model with the data it is to be used on, for {@code evaluate} and {@code analyze}: the
 * task and the feature count are checked against the data, and data parts are normalized as the
 * model's training data was.
 */
record SavedModel(Path file, Model model, Task task, PreparedData data) {

    static SavedModel load(Path file, DataOptions options) {
        Model model = read(file);
        Task task = taskOf(model, file);
        if ((task == Task.BINARY) != (options.positiveClass != null)) {
            throw new DescentException(file + " is a " + task.name().toLowerCase(Locale.ROOT) + " model; "
                    + (task == Task.BINARY ? "pass the --positive-class it was trained with" : "drop --positive-class"));
        }
        PreparedData data = PreparedData.load(options);
        int features = data.split().train().featureCount();
        if (features != model.spec().inputSize()) {
            throw new DescentException(file + " expects " + model.spec().inputSize() + " input features but "
                    + data.name() + " has " + features + " (" + model.spec().architecture()
                    + "); use the data it was trained with");
        }
        return new SavedModel(file, model, task, data);
    }

    /** {@link ModelFile#load} after checking that the heap left can hold the file ({@link MemoryBudget}). */
    static Model read(Path file) {
        MemoryBudget.checkModelFile(file);
        return ModelFile.load(file);
    }

    /** The model's task; an unknown name is refused naming the file. */
    static Task taskOf(Model model, Path file) {
        try {
            return Task.named(model.spec().task());
        } catch (DescentException e) {
            throw new DescentException(file + ": " + e.getMessage(), e);
        }
    }

    /** {@code part} with its features normalized as the model's training data was. */
    Dataset normalized(Dataset part) {
        return model.spec().normalization() == null ? part
                : part.withFeatures(model.spec().normalization().apply(part.features()));
    }

    /** The loss the model was trained with, label smoothing and class weights included. */
    Loss loss() {
        Loss loss = NetworkOptions.named(model.spec().loss(), model.spec().labelSmoothing());
        List<Double> weights = model.spec().classWeights();
        if (weights.isEmpty() || !(loss instanceof CrossEntropy crossEntropy)) {
            return loss;
        }
        return new WeightedCrossEntropy(weights.stream().mapToDouble(Double::doubleValue).toArray(), crossEntropy);
    }
}
