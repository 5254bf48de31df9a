package org.descent.data;

import static org.descent.data.IdxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.Shape;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DatasetTest {
    private final Dataset data = Dataset.classification(
            Tensor.of(new double[] {0, 1, 10, 11, 20, 21, 30, 31}, 4, 2), new int[] {2, 0, 1, 2}, 3,
            List.of("a", "b", "c"));

    @Test
    void classificationStoresFloat32AndOneHotTargets() {
        assertEquals(DType.FLOAT32, data.features().dtype());
        assertEquals(4, data.size());
        assertEquals(2, data.featureCount());
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1}, data.targets().toDoubleArray(), 0.0);
    }

    @Test
    void subsetCopiesRowsInOrder() {
        Dataset picked = data.subset(new int[] {3, 1});
        assertArrayEquals(new double[] {30, 31, 10, 11}, picked.features().toDoubleArray(), 0.0);
        assertArrayEquals(new int[] {2, 0}, picked.labels());
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0}, picked.targets().toDoubleArray(), 0.0);
        assertEquals("c", picked.className(picked.label(0)));
        DescentException e = assertThrows(DescentException.class, () -> data.subset(new int[] {4}));
        assertEquals("subset index 4 is outside 0..3", e.getMessage());
    }

    @Test
    void binaryRelabelsOneClassAgainstTheRest() {
        Dataset isC = data.binary(2);
        assertArrayEquals(new int[] {1, 0, 0, 1}, isC.labels());
        assertEquals(Shape.of(4, 1), isC.targets().shape());
        assertArrayEquals(new double[] {1, 0, 0, 1}, isC.targets().toDoubleArray(), 0.0);
        assertEquals(List.of("not c", "c"), isC.classNames());
        assertThrows(DescentException.class, () -> data.binary(3));
    }

    @Test
    void oneHotLabelOutOfRangeNamesRowLabelAndK() {
        DescentException e = assertThrows(DescentException.class, () -> OneHot.encode(new int[] {0, 1, 5}, 3));
        assertEquals("one-hot encoding: row 2 has label 5, outside 0..2 for K = 3 classes", e.getMessage());
    }

    @Test
    void oneHotTooLargeForOneArraySaysSoInsteadOfOverflowing() {
        DescentException e = assertThrows(DescentException.class, () -> OneHot.encode(new int[60_000], 65_536));
        assertTrue(e.getMessage().startsWith("one-hot encoding: 60000 samples × 65536 classes = 3932160000 values"),
                e.getMessage());
    }

    @Test
    void regressionDataHasNoLabels() {
        Dataset regression = Dataset.regression(Tensor.of(new float[] {1, 2}, 2, 1), Tensor.of(new float[] {3, 4}, 2, 1));
        assertEquals(0, regression.classes());
        DescentException e = assertThrows(DescentException.class, regression::labels);
        assertMessage(e, "labels() needs a classification dataset");
    }

    @Test
    void mismatchedRowsAreRefused() {
        DescentException e = assertThrows(DescentException.class, () -> Dataset.regression(
                Tensor.of(new float[] {1, 2}, 2, 1), Tensor.of(new float[] {3}, 1, 1)));
        assertEquals("dataset has 2 feature rows but 1 target rows", e.getMessage());
    }
}
