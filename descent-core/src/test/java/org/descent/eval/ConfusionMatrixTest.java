package org.descent.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.descent.DescentException;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void countsAccuracyPrecisionAndRecall() {
        int[] actual = {0, 0, 0, 1, 1, 2};
        int[] predicted = {0, 0, 1, 1, 2, 2};
        ConfusionMatrix cm = ConfusionMatrix.of(actual, predicted, 3, List.of("a", "b", "c"));
        assertEquals(2, cm.count(0, 0));
        assertEquals(1, cm.count(0, 1));
        assertEquals(4.0 / 6, cm.accuracy(), 1e-12);
        assertEquals(2.0 / 3, cm.recall(0), 1e-12);
        assertEquals(1.0, cm.precision(0), 1e-12);
        assertEquals(0.5, cm.precision(1), 1e-12);
        assertEquals(0.5, cm.precision(2), 1e-12);
        String table = cm.toString();
        assertTrue(table.contains("precision") && table.contains("accuracy 0.6667"), table);
    }

    @Test
    void predictionsAreArgMaxOrThreshold() {
        Tensor scores = Tensor.of(new double[] {0.1, 0.7, 0.2, 0.9, 0.05, 0.05}, 2, 3);
        assertArrayEquals(new int[] {1, 0}, ConfusionMatrix.predictions(scores, 0.5));
        Tensor binary = Tensor.of(new double[] {0.2, 0.5, 0.8}, 3, 1);
        assertArrayEquals(new int[] {0, 1, 1}, ConfusionMatrix.predictions(binary, 0.5));
    }

    @Test
    void labelOutOfRangeIsNamed() {
        DescentException e = assertThrows(DescentException.class,
                () -> ConfusionMatrix.of(new int[] {0, 3}, new int[] {0, 1}, 3, null));
        assertTrue(e.getMessage().contains("sample 1") && e.getMessage().contains("label 3"), e.getMessage());
    }

    @Test
    void regressionMetrics() {
        Tensor predictions = Tensor.of(new double[] {1, 2, 3, 5}, 4, 1);
        Tensor targets = Tensor.of(new double[] {1, 2, 3, 4}, 4, 1);
        RegressionMetrics m = RegressionMetrics.of(predictions, targets);
        assertEquals(0.25, m.meanSquaredError(), 1e-12);
        assertEquals(0.25, m.meanAbsoluteError(), 1e-12);
        assertEquals(1 - 1.0 / 5.0, m.r2(), 1e-12);
    }
}
