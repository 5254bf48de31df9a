package org.descent.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.descent.DescentException;

/**
 * Small real data sets shipped inside the jar, from scikit-learn 1.2.1 (BSD-3-Clause; the
 * underlying data from the UCI Machine Learning Repository). The attribution and licence are in
 * the jar next to them: {@code org/descent/data/DIGITS-LICENSE.txt}.
 */
public final class EmbeddedData {
    private static final String LICENSE = "org/descent/data/DIGITS-LICENSE.txt";

    private EmbeddedData() {
    }

    /**
     * Handwritten digits: 1797 images of 8×8 pixels, 64 raw features 0..16 as in the file (so a
     * model's inputs at prediction time are the file's values; scale with {@link Normalize}),
     * labels 0..9 (targets one-hot [1797, 10]).
     */
    public static Dataset digits() {
        return CsvReader.comma().readClassification("digits.csv.gz", open("digits.csv.gz"));
    }

    /**
     * Diabetes progression (regression): 442 patients, 10 raw features (age, sex, BMI, blood
     * pressure, six blood serum measurements), target a measure of disease progression one year
     * later (25..346), targets [442, 1]. The features have very different scales: normalize them.
     */
    public static Dataset diabetes() {
        return CsvReader.whitespace().readRegression("diabetes_data.csv.gz", () -> open("diabetes_data.csv.gz"),
                "diabetes_target.csv.gz", () -> open("diabetes_target.csv.gz"));
    }

    /** Iris: 150 flowers, 4 measurements in cm, 3 classes setosa, versicolor, virginica. */
    public static Dataset iris() {
        return CsvReader.comma().readClassification("iris.csv.gz", open("iris.csv.gz"));
    }

    /**
     * Breast cancer Wisconsin (diagnostic): 569 samples, 30 features of cell nuclei, 2 classes
     * malignant (0) and benign (1); use {@code binary(0)} for a single "is it malignant?" output.
     */
    public static Dataset breastCancer() {
        return CsvReader.comma().readClassification("breast_cancer.csv.gz", open("breast_cancer.csv.gz"));
    }

    /**
     * Wine: 178 wines grown in one region of Italy by three cultivators, 13 results of a chemical
     * analysis (alcohol, malic acid, ash, …, proline; raw values of very different scales: normalize
     * them), 3 classes class_0, class_1, class_2.
     */
    public static Dataset wine() {
        return CsvReader.comma().readClassification("wine.csv.gz", open("wine.csv.gz"));
    }

    /** The attribution and licence text of the embedded data sets. */
    public static String license() {
        try (InputStream in = open("DIGITS-LICENSE.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DescentException(LICENSE + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = EmbeddedData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new DescentException("org/descent/data/" + resource + " is missing from the classpath; "
                    + "the descent-core jar is incomplete");
        }
        return in;
    }
}
