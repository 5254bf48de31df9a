package org.descent.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.descent.DescentException;
import org.descent.data.CsvReader;
import org.descent.data.EmbeddedData;
import org.descent.data.FashionMnist;
import org.descent.data.IdxFolder;
import org.descent.data.Split;

/** The data of {@link SparkRun}'s {@code --data}, read on the driver (then broadcast to the executors). */
final class RunData {
    private RunData() {
    }

    /**
     * The split of {@code --data}: digits or a CSV file as 70/15/15, Fashion-MNIST or a folder of
     * IDX files as its own test set and 90/10 of its training set.
     */
    static Split split(String name, long seed) {
        if (name.equals("digits")) {
            return Split.of(EmbeddedData.digits(), 0.7, 0.15, seed, true);
        }
        if (Files.isRegularFile(Path.of(name))) {   // CSV, label in the last column (CsvReader's rules)
            return Split.of(CsvReader.comma().readClassification(Path.of(name)), 0.7, 0.15, seed, true);
        }
        if (!name.equals("fashion-mnist") && !Files.isDirectory(Path.of(name))) {
            throw new DescentException("--data " + name + ": no such CSV file or folder of IDX files");
        }
        IdxFolder folder = name.equals("fashion-mnist") ? FashionMnist.folder()
                : new IdxFolder(Path.of(name), List.of());
        if (!Files.isDirectory(folder.directory())) {
            throw new DescentException("--data " + name + ": no such CSV file or folder of IDX files");
        }
        Split split = Split.of(folder.train(), 0.9, 0.1, seed, true);
        return new Split(split.train(), split.validation(), folder.test());
    }
}
