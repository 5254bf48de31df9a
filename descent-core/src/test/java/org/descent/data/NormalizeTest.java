package org.descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.descent.DescentException;
import org.descent.tensor.ShapeException;
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
    void applyInPlaceOverwritesTheFeaturesWithWhatApplyReturns() {
        Normalize standard = Normalize.standardize(train);
        double[] copied = standard.apply(test).features().toDoubleArray();
        Tensor features = test.features();
        assertSame(test, standard.applyInPlace(test));
        assertSame(features, test.features());
        assertArrayEquals(copied, features.toDoubleArray(), 0.0);
        assertThrows(ShapeException.class, () -> standard.applyInPlace(Dataset.regression(
                Tensor.of(new double[] {1, 2, 3}, 1, 3), Tensor.of(new double[] {0}, 1, 1))));
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
        assertThrows(ShapeException.class, () -> minMax.apply(Tensor.of(new float[2], 2)));
    }

    @Test
    void knownStatisticsGiveTheSameScaling() {
        Normalize fitted = Normalize.minMax(train);
        Normalize given = Normalize.minMax(new double[] {1, 7}, new double[] {5, 7});
        assertEquals(fitted, given);
        assertEquals(fitted.hashCode(), given.hashCode());
        assertArrayEquals(new double[] {5, 7}, given.secondStatistic(), 0.0);
        assertArrayEquals(new double[] {4, 1}, given.scale(), 0.0);     // max = min: only shifted
        Normalize standard = Normalize.standardize(new double[] {3, 5}, new double[] {2, 0});
        assertEquals(Normalize.Method.STANDARDIZE, standard.method());
        assertEquals(2, standard.featureCount());
        assertArrayEquals(new double[] {-1, 0, 0, 0, 2, 0},
                standard.apply(Tensor.of(new double[] {1, 5, 3, 5, 7, 5}, 3, 2)).toDoubleArray(), 0.0);
        assertEquals("Normalize(standardize, mean=[3.0, 5.0], std=[2.0, 0.0])", standard.toString());
        assertNotEquals(standard, Normalize.minMax(new double[] {3, 5}, new double[] {5, 5}));
    }

    @Test
    void badStatisticsAreRefusedWithTheFeature() {
        assertMessage("standardize normalization of feature 0 has std -1.0; expected a standard deviation >= 0",
                () -> Normalize.standardize(new double[] {0}, new double[] {-1}));
        assertMessage("min-max normalization of feature 1 has min 2.0 > max 1.0; expected min <= max",
                () -> Normalize.minMax(new double[] {0, 2}, new double[] {1, 1}));
        assertMessage("min-max normalization needs min and max arrays of the same, non-zero length, got 2 and 1 values",
                () -> Normalize.minMax(new double[] {0, 2}, new double[] {1}));
        assertMessage("standardize normalization needs mean and std arrays of the same, non-zero length, got null and 1 values",
                () -> Normalize.standardize(null, new double[] {1}));
        assertMessage("standardize normalization of feature 1 has mean NaN and std 1.0; expected finite values",
                () -> Normalize.standardize(new double[] {0, Double.NaN}, new double[] {1, 1}));
        Dataset infinite = Dataset.regression(Tensor.of(new double[] {1, Double.POSITIVE_INFINITY}, 2, 1),
                Tensor.of(new double[] {0, 0}, 2, 1));
        assertMessage("min-max normalization of feature 0 has min 1.0 and max Infinity; expected finite values",
                () -> Normalize.minMax(infinite));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        assertEquals(expected, assertThrows(DescentException.class, action).getMessage());
    }
}
