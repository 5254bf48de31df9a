package org.descent.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.descent.DescentException;

/**
 * Fashion-MNIST (Zalando Research, MIT licence): 60,000 training and 10,000 test images of
 * 28×28 grey pixels in 10 clothing classes, read as 784 raw features 0..255. Debian ships it as
 * {@code apt-get install dataset-fashion-mnist} in {@link #DEFAULT_DIRECTORY}.
 */
public final class FashionMnist {
    /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    /** The class names in label order 0..9. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    /** The folder in {@link #DEFAULT_DIRECTORY}. */
    public static IdxFolder folder() {
        return folder(null);
    }

    /** The folder in {@code dataDirectory}, or in {@link #DEFAULT_DIRECTORY} if it is null. */
    public static IdxFolder folder(Path dataDirectory) {
        Path directory = dataDirectory != null ? dataDirectory : DEFAULT_DIRECTORY;
        if (!Files.isDirectory(directory)) {
            throw new DescentException("Fashion-MNIST not found: " + directory + " does not exist. Install it with "
                    + "`apt-get install dataset-fashion-mnist` (files land in " + DEFAULT_DIRECTORY + "), or pass "
                    + "--data-dir with a folder holding train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                    + "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz (from "
                    + "https://github.com/zalandoresearch/fashion-mnist)");
        }
        return new IdxFolder(directory, CLASS_NAMES);
    }
}
