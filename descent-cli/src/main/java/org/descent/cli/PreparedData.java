package org.descent.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.descent.DescentException;
import org.descent.data.CsvReader;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.FashionMnist;
import org.descent.data.IdxFolder;
import org.descent.data.Split;
import org.descent.train.Task;

/**
 * A data source resolved into training, validation and test parts and the task they pose. Sets
 * that come without a test part are split 70/15/15, stratified, by the seed; Fashion-MNIST keeps
 * its own 10,000 test images and gives 10% of its training images to validation.
 */
record PreparedData(String name, Split split, Task task) {
    private static final double TRAIN = 0.70;
    private static final double VALIDATION = 0.15;

    static PreparedData load(DataOptions options) {
        String source = options.source;
        Dataset whole = null;
        Task task = Task.MULTICLASS;
        switch (source.toLowerCase(Locale.ROOT)) {
            case "digits" -> whole = EmbeddedData.digits();
            case "iris" -> whole = EmbeddedData.iris();
            case "breast-cancer" -> whole = EmbeddedData.breastCancer();
            case "wine" -> whole = EmbeddedData.wine();
            case "diabetes" -> {
                whole = EmbeddedData.diabetes();
                task = Task.REGRESSION;
            }
            case "fashion-mnist" -> {
                IdxFolder folder = options.dataDirectory == null ? FashionMnist.folder()
                        : FashionMnist.folder(options.dataDirectory);
                return finish(source, withTest(folder, options.seed), task, options);
            }
            case "-" -> {
                CsvReader reader = CsvReader.comma().withHeader(options.header);
                if (options.task == Choices.TaskName.REGRESSION) {
                    whole = reader.readRegression("standard input", System.in);
                    task = Task.REGRESSION;
                } else {
                    whole = reader.readClassification("standard input", System.in);
                }
            }
            default -> {
                Path path = Path.of(source);
                if (Files.isDirectory(path)) {
                    IdxFolder folder = new IdxFolder(path, null);
                    return finish(source, withTest(folder, options.seed), task, options);
                }
                if (!Files.isRegularFile(path)) {
                    throw new DescentException("--data " + source + ": no such data set, folder or file; use digits, iris,"
                            + " breast-cancer, wine, diabetes, fashion-mnist, an IDX folder or a CSV file");
                }
                CsvReader reader = CsvReader.comma().withHeader(options.header);
                if (options.task == Choices.TaskName.REGRESSION) {
                    whole = reader.readRegression(path);
                    task = Task.REGRESSION;
                } else {
                    whole = reader.readClassification(path);
                }
            }
        }
        Split split = Split.of(whole, TRAIN, VALIDATION, options.seed, task.isClassification());
        if (split.train().size() == 0 || split.validation().size() == 0 || split.test().size() == 0) {
            throw new DescentException("--data " + source + ": " + whole.size() + " sample" + (whole.size() == 1 ? " is" : "s are")
                    + " too few to split 70/15/15 into training (" + split.train().size() + "), validation ("
                    + split.validation().size() + ") and test (" + split.test().size() + ") parts; each part needs at"
                    + " least one sample" + (task.isClassification() ? " (the split keeps each class's share)" : ""));
        }
        return finish(source.equals("-") ? "standard input" : source, split, task, options);
    }

    /**
     * The folder's training set cut 90/10 into training and validation, and its test set. The
     * test set is read after the cut, when the uncut training set is garbage: for Fashion-MNIST
     * that keeps the peak heap at two copies of the training images (380 MB), not also the test.
     */
    private static Split withTest(IdxFolder folder, long seed) {
        Split cut = Split.of(folder.train(), 0.9, 0.1, seed, true);
        return new Split(cut.train(), cut.validation(), folder.test());
    }

    private static PreparedData finish(String name, Split split, Task task, DataOptions options) {
        if (options.positiveClass == null) {
            return new PreparedData(name, split, task);
        }
        if (!task.isClassification()) {
            throw new DescentException("--positive-class needs class labels; " + name + " is a regression data set");
        }
        int positive = options.positiveClass;
        Split binary = new Split(split.train().binary(positive), split.validation().binary(positive),
                split.test().binary(positive));
        return new PreparedData(name + " (is it " + split.train().className(positive) + "?)", binary, Task.BINARY);
    }
}
