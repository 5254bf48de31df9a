package org.descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.descent.DescentException;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class NormalizeTest {
    /** Column 0: 1, 3, 5 (mean 3, population std sqrt(8/3)); column 1 constant 7. */
    private final Dataset train = Dataset.regression(Tensor.of(new double[] {1, 7, 3, 7, 5, 7}, 3, 2),
            Tensor.of(new double[] {0, 0, 0}, 3, 1));
    private final Dataset test = Dataset.regression(Tensor.of(new double[] {9, 8, -1, 7}, 2, 2),
            Tensor.of(new double[] {0, 0}, 2, 1));

    @Test
    void minMaxUsesTrainingStatisticsOnly() {
        Normalize minMax = Normalize.minMax(train);
        assertArrayEquals(new double[] {1, 7}, minMax.shift(), 0.0);
        assertArrayEquals(new double[] {4, 1}, minMax.scale(), 0.0);
        assertArrayEquals(new double[] {0, 0, 0.5, 0, 1, 0}, minMax.apply(train).features().toDoubleArray(), 1e-7);
        // test values outside the training range stay outside [0, 1]: the test set's own min/max are not used
        assertArrayEquals(new double[] {2, 1, -0.5, 0}, minMax.apply(test).features().toDoubleArray(), 1e-7);
    }

    @Test
    void standardizeUsesTrainingMeanAndStd() {
        Normalize standard = Normalize.standardize(train);
        double std = Math.sqrt(8.0 / 3);
        assertArrayEquals(new double[] {3, 7}, standard.shift(), 1e-12);
        assertArrayEquals(new double[] {std, 1}, standard.scale(), 1e-12);
        assertArrayEquals(new double[] {-2 / std, 0, 0, 0, 2 / std, 0}, standard.apply(train).features().toDoubleArray(), 1e-6);
        assertArrayEquals(new double[] {6 / std, 1, -4 / std, 0}, standard.apply(test).features().toDoubleArray(), 1e-6);
    }

    @Test
    void wrongFeatureCountAndEmptyTrainingSet() {
        Normalize minMax = Normalize.minMax(train);
        DescentException e = assertThrows(DescentException.class, () -> minMax.apply(Tensor.of(new float[3], 1, 3)));
        assertEquals("normalization was fitted on 2 features, cannot apply it to [1, 3]", e.getMessage());
        Dataset empty = train.subset(new int[0]);
        e = assertThrows(DescentException.class, () -> Normalize.standardize(empty));
        assertEquals("cannot fit a normalization on an empty training set", e.getMessage());
    }
}
