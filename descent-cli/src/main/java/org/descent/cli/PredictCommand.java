package org.descent.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.descent.data.CsvReader;
import org.descent.io.AtomicFiles;
import org.descent.io.Model;
import org.descent.tensor.Tensor;
import org.descent.train.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code descent predict}: a saved model's predictions for the rows of a CSV file. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Write a saved model's predictions for the rows of a CSV file of features.")
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model saved by 'descent train --out'.")
    Path modelFile;

    @Option(names = "--input", required = true, paramLabel = "CSV",
            description = "One sample per row, features only; - reads standard input.")
    Path input;

    @Option(names = "--header", description = "The input starts with a header line.")
    boolean header;

    @Option(names = "--output", paramLabel = "CSV", description = "Where to write the predictions (default, or -: standard output).")
    Path output;

    @Override
    public Integer call() {
        Model model = SavedModel.read(modelFile);
        CsvReader reader = CsvReader.comma().withHeader(header);
        Tensor features = input.toString().equals("-")
                ? reader.readFeatures("standard input", System.in, model.spec().inputSize())
                : reader.readFeatures(input, model.spec().inputSize());
        Task task = SavedModel.taskOf(model, modelFile);
        Tensor outputs = model.predict(features);
        String csv = PredictionCsv.format(task, outputs, model.spec().classNames());
        if (output == null || output.toString().equals("-")) {
            System.out.print(csv);
        } else {
            AtomicFiles.write(output, csv.getBytes(StandardCharsets.UTF_8));
            System.err.println("wrote " + features.shape().dim(0) + " predictions to " + output);
        }
        return 0;
    }
}
