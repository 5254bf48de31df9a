package org.descent.data;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * Reads numeric delimited text (raw or gzip, recognized by its magic bytes) into a
 * {@link Dataset}: one sample per line, one column the label (classification) or target
 * (regression), the others the features. Every value must be a finite number; a missing value
 * or text fails with the file, the row (its 1-based line number) and the 1-based column.
 *
 * <p>scikit-learn's files whose first line announces the size and class names
 * ({@code 150,4,setosa,versicolor,virginica}) are recognized when no header line is declared:
 * the sizes are checked and the names become the class names.
 *
 * <pre>{@code
 * Dataset iris = CsvReader.comma().readClassification(Path.of("iris.csv"));
 * Dataset houses = CsvReader.comma().withHeader(true).withLabelColumn(0).readRegression(file);
 * }</pre>
 */
public final class CsvReader {
    private final Character separator;
    private final boolean header;
    private final int labelColumn;

    private CsvReader(Character separator, boolean header, int labelColumn) {
        this.separator = separator;
        this.header = header;
        this.labelColumn = labelColumn;
    }

    /** Comma-separated, no header line, label in the last column. */
    public static CsvReader comma() {
        return new CsvReader(',', false, -1);
    }

    /** Separated by any run of spaces or tabs, no header line, label in the last column. */
    public static CsvReader whitespace() {
        return new CsvReader(null, false, -1);
    }

    /** The same settings with another single-character separator (for example ';' or '\t'). */
    public CsvReader withSeparator(char newSeparator) {
        return new CsvReader(newSeparator, header, labelColumn);
    }

    /** Whether the first line holds column names (used in error messages). */
    public CsvReader withHeader(boolean hasHeader) {
        return new CsvReader(separator, hasHeader, labelColumn);
    }

    /** The label or target column, 0-based; negative counts from the end (−1 = last, the default). */
    public CsvReader withLabelColumn(int column) {
        return new CsvReader(separator, header, column);
    }

    /**
     * Classification: the label column must hold whole numbers 0..65535; K is the number of class
     * names announced by an sklearn-style first line, else it comes from the labels present (see
     * {@link ClassLabels}: the largest label + 1, or sparse labels renumbered). Targets are
     * one-hot [N, K].
     */
    public Dataset readClassification(Path file) {
        return read(file, this::classification);
    }

    /** Regression: the label column becomes the real-valued targets [N, 1]. */
    public Dataset readRegression(Path file) {
        return read(file, this::regression);
    }

    /**
     * Regression from two files with the same rows: every column of {@code featureFile} is a
     * feature, every column of {@code targetFile} a target (the label column is not used).
     */
    public Dataset readRegression(Path featureFile, Path targetFile) {
        CsvTable features = read(featureFile, table -> table);
        CsvTable targets = read(targetFile, table -> table);
        return regression(features, targets);
    }

    /**
     * Features only, every column, as float32 [rows, columns], for prediction; a row count of
     * columns other than {@code expectedColumns} is refused naming both counts.
     */
    public Tensor readFeatures(Path file, int expectedColumns) {
        return checkColumns(String.valueOf(file), read(file, table -> table.matrix(-1)), expectedColumns);
    }

    private static Tensor checkColumns(String name, Tensor features, int expectedColumns) {
        if (features.shape().dim(1) != expectedColumns) {
            throw new DescentException(name + ": rows have " + features.shape().dim(1) + " columns but the model expects "
                    + expectedColumns + " features");
        }
        return features;
    }

    /**
     * Classification from a stream (standard input, say) as {@link #readClassification(Path)};
     * {@code name} stands for the file in error messages. The stream is read to its end, not closed.
     */
    public Dataset readClassification(String name, InputStream in) {
        return classification(CsvTable.parse(name, in, separator, header));
    }

    /** Regression from a stream as {@link #readRegression(Path)}; the stream is not closed. */
    public Dataset readRegression(String name, InputStream in) {
        return regression(CsvTable.parse(name, in, separator, header));
    }

    /** Features from a stream as {@link #readFeatures(Path, int)}; the stream is not closed. */
    public Tensor readFeatures(String name, InputStream in, int expectedColumns) {
        return checkColumns(name, CsvTable.parse(name, in, separator, header).matrix(-1), expectedColumns);
    }

    /** Each stream is opened only when the one before has been read (and closed). */
    Dataset readRegression(String name, Supplier<InputStream> features, String targetName, Supplier<InputStream> targets) {
        CsvTable featureTable = CsvTable.parse(name, features.get(), separator, header);
        return regression(featureTable, CsvTable.parse(targetName, targets.get(), separator, header));
    }

    private Dataset classification(CsvTable table) {
        int column = table.column(labelColumn, "label");
        List<String> names = table.announcedClassNames;
        int[] labels = new int[table.rows];
        int classes = names != null && !names.isEmpty() ? names.size() : 0;
        for (int r = 0; r < labels.length; r++) {
            double value = table.value(r, column);
            if (value != Math.rint(value) || value < 0 || value > OneHot.MAX_LABEL) {
                throw new DescentException(table.where(r, column) + ": label " + value
                        + " is not a whole number in 0.." + OneHot.MAX_LABEL + "; use readRegression for real-valued targets");
            }
            labels[r] = (int) value;
            if (classes > 0 && labels[r] >= classes) {
                throw new DescentException(table.where(r, column) + ": label " + labels[r] + " but the first line names only "
                        + classes + " classes " + names);
            }
        }
        if (classes == 0) {
            ClassLabels present = ClassLabels.of(labels);
            return Dataset.classification(table.matrix(column), present.labels(), present.classes(), present.names());
        }
        return Dataset.classification(table.matrix(column), labels, classes, names);
    }

    private Dataset regression(CsvTable table) {
        int column = table.column(labelColumn, "target");
        Tensor targets = Tensor.zeros(DType.FLOAT32, table.rows, 1);
        for (int r = 0; r < table.rows; r++) {
            targets.set(r, table.value(r, column));
        }
        return Dataset.regression(table.matrix(column), targets);
    }

    private static Dataset regression(CsvTable features, CsvTable targets) {
        if (features.rows != targets.rows) {
            throw new DescentException(features.name + " has " + features.rows + " rows but "
                    + targets.name + " has " + targets.rows + "; feature and target files must match row by row");
        }
        return Dataset.regression(features.matrix(-1), targets.matrix(-1));
    }

    private <T> T read(Path file, Function<CsvTable, T> then) {
        try (InputStream in = open(file)) {
            return then.apply(CsvTable.parse(String.valueOf(file.getFileName()), in, separator, header));
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new DescentException(file + ": no such file", e);
        } catch (IOException e) {
            throw new DescentException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A regular file through NIO; anything else (/dev/stdin, a named pipe, process substitution)
     * as a plain stream, which reads without seeking.
     */
    private static InputStream open(Path file) throws IOException {
        return Files.isRegularFile(file) || !Files.exists(file) ? Files.newInputStream(file)
                : new FileInputStream(file.toFile());
    }
}
