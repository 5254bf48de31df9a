package org.descent.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.descent.DescentException;
import org.descent.data.CsvReader;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.FashionMnist;
import org.descent.data.IdxFolder;
import org.descent.data.Split;

/**
 * The data of {@link SparkRun}'s {@code --data}, read on the driver; the executors read their own
 * training rows with the same code ({@link ExecutorRows}), or get a CSV file's rows broadcast.
 */
final class RunData {
    /** The shares of an IDX folder's training file that train and validate. */
    private static final double TRAIN_FRACTION = 0.9;
    private static final double VALIDATION_FRACTION = 0.1;

    private RunData() {
    }

    /** What {@code work} (reading the data, or the like) returns; its failure thrown as itself (a DescentException names the file). */
    static <T> T await(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * The split of {@code --data}: digits or a CSV file as 70/15/15, Fashion-MNIST or a folder of
     * IDX files as its own test set and 90/10 of its training set.
     */
    static Split split(String name, long seed) {
        return split(name, seed, true);
    }

    /** The training part of {@link #split}, without reading a test set of its own (for the executors). */
    static Dataset train(String name, long seed) {
        return split(name, seed, false).train();
    }

    /**
     * Rows {@code ⌊p·n/P⌋ .. ⌊(p+1)·n/P⌋ − 1} of {@link #train} (n its size, P {@code partitions}):
     * of an IDX folder, only those images are converted (the split is cut from the labels alone).
     */
    static Dataset trainRows(String name, long seed, int p, int partitions) {
        if (name.equals("digits") || Files.isRegularFile(Path.of(name))) {
            Dataset train = train(name, seed);
            return train.subset(slice(IntStream.range(0, train.size()).toArray(), p, partitions));
        }
        return folder(name).train(labels -> slice(Split.indices(labels, TRAIN_FRACTION, VALIDATION_FRACTION, seed,
                true)[0], p, partitions));
    }

    private static int[] slice(int[] rows, int p, int partitions) {
        return Arrays.copyOfRange(rows, SampleBlock.first(rows.length, p, partitions),
                SampleBlock.first(rows.length, p + 1, partitions));
    }

    /** The IDX folder of {@code --data} (fashion-mnist or a folder). */
    private static IdxFolder folder(String name) {
        if (!name.equals("fashion-mnist") && !Files.isDirectory(Path.of(name))) {
            throw new DescentException("--data " + name + ": no such CSV file or folder of IDX files");
        }
        IdxFolder folder = name.equals("fashion-mnist") ? FashionMnist.folder()
                : new IdxFolder(Path.of(name), List.of());
        if (!Files.isDirectory(folder.directory())) {
            throw new DescentException("--data " + name + ": no such CSV file or folder of IDX files");
        }
        return folder;
    }

    /** Whether the executors can read {@code --data} themselves ({@link ExecutorRows}): the digits or IDX files, not a CSV file. */
    static boolean readableOnExecutors(String name) {
        return !Files.isRegularFile(Path.of(name));
    }

    /** {@code name} with a folder given relative to the driver's working folder made absolute, for the executors. */
    static String absolute(String name) {
        return name.equals("digits") || name.equals("fashion-mnist") ? name : Path.of(name).toAbsolutePath().toString();
    }

    private static Split split(String name, long seed, boolean withTest) {
        if (name.equals("digits")) {
            return Split.of(EmbeddedData.digits(), 0.7, 0.15, seed, true);
        }
        if (Files.isRegularFile(Path.of(name))) {   // CSV, label in the last column (CsvReader's rules)
            return Split.of(CsvReader.comma().readClassification(Path.of(name)), 0.7, 0.15, seed, true);
        }
        IdxFolder folder = folder(name);
        Split split = Split.of(folder.train(), TRAIN_FRACTION, VALIDATION_FRACTION, seed, true);
        return new Split(split.train(), split.validation(), withTest ? folder.test() : null);
    }
}
