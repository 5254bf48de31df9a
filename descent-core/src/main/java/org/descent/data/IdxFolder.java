package org.descent.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.descent.DescentException;

/**
 * A folder holding the four files of an MNIST-style data set under their standard names, each
 * raw or with {@code .gz}: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}. The element type is read from
 * each file's header (see {@link IdxReader}), whatever the name says.
 */
public final class IdxFolder {
    private final Path directory;
    private final List<String> classNames;

    /** @param classNames names of the classes, or null / empty to number them */
    public IdxFolder(Path directory, List<String> classNames) {
        if (!Files.isDirectory(directory)) {
            throw new DescentException(directory + " is not a directory; expected a folder with "
                    + "train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz] "
                    + "and t10k-labels-idx1-ubyte[.gz]");
        }
        this.directory = directory;
        this.classNames = classNames == null ? List.of() : List.copyOf(classNames);
    }

    public Path directory() {
        return directory;
    }

    /** The training split ({@code train-*}). */
    public Dataset train() {
        return load("train");
    }

    /**
     * Only some rows of the training split, as {@link IdxReader#read(Path, Path, List, Function)}
     * reads them: {@code choose} gets the training labels (a dataset without features) and returns
     * the rows wanted, in order.
     */
    public Dataset train(Function<Dataset, int[]> choose) {
        return IdxReader.read(find("train-images-idx3-ubyte"), find("train-labels-idx1-ubyte"), classNames, choose);
    }

    /** The test split ({@code t10k-*}). */
    public Dataset test() {
        return load("t10k");
    }

    private Dataset load(String prefix) {
        return IdxReader.read(find(prefix + "-images-idx3-ubyte"), find(prefix + "-labels-idx1-ubyte"), classNames);
    }

    /** The file {@code base} or {@code base.gz} in the folder. */
    private Path find(String base) {
        for (String name : List.of(base, base + ".gz")) {
            Path file = directory.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new DescentException("neither " + base + " nor " + base + ".gz is in " + directory);
    }
}
