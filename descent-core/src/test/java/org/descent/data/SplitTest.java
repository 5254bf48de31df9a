package org.descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.descent.DescentException;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SplitTest {
    /** 100 samples whose single feature is their index; labels 0 (70 samples) and 1 (30). */
    static Dataset indexed(int n) {
        float[] x = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            labels[i] = i % 10 < 7 ? 0 : 1;
        }
        return Dataset.classification(Tensor.of(x, n, 1), labels, 2, null);
    }

    static int[] ids(Dataset part) {
        return Arrays.stream(part.features().toDoubleArray()).mapToInt(v -> (int) v).toArray();
    }

    @Test
    void indicesAreTheSamplesOfEachPartAndNeedOnlyTheLabels() {
        for (boolean stratify : new boolean[] {false, true}) {
            Split split = Split.of(indexed(100), 0.6, 0.25, 7, stratify);
            Dataset labelsOnly = Dataset.classification(Tensor.of(new float[0], 100, 0), indexed(100).labels(), 2, null);
            int[][] indices = Split.indices(labelsOnly, 0.6, 0.25, 7, stratify);
            assertArrayEquals(ids(split.train()), indices[0]);
            assertArrayEquals(ids(split.validation()), indices[1]);
            assertArrayEquals(ids(split.test()), indices[2]);
        }
    }

    @Test
    void partsCoverEverySampleOnceWithTheRequestedSizes() {
        Split split = Split.of(indexed(100), 0.6, 0.25, 7, false);
        assertEquals(60, split.train().size());
        assertEquals(25, split.validation().size());
        assertEquals(15, split.test().size());
        int[] all = new int[100];
        for (Dataset part : new Dataset[] {split.train(), split.validation(), split.test()}) {
            for (int id : ids(part)) {
                all[id]++;
            }
        }
        for (int i = 0; i < 100; i++) {
            assertEquals(1, all[i], "sample " + i);
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Dataset data = indexed(100);
        assertArrayEquals(ids(Split.of(data, 0.8, 0.1, 42, false).train()), ids(Split.of(data, 0.8, 0.1, 42, false).train()));
        assertFalse(Arrays.equals(ids(Split.of(data, 0.8, 0.1, 42, false).train()),
                ids(Split.of(data, 0.8, 0.1, 43, false).train())));
    }

    @Test
    void stratifiedKeepsClassProportions() {
        Split split = Split.of(indexed(100), 0.5, 0.2, 3, true);
        assertEquals(35, Arrays.stream(split.train().labels()).filter(l -> l == 0).count());
        assertEquals(15, Arrays.stream(split.train().labels()).filter(l -> l == 1).count());
        assertEquals(6, Arrays.stream(split.validation().labels()).filter(l -> l == 1).count());
        assertEquals(9, Arrays.stream(split.test().labels()).filter(l -> l == 1).count());
    }

    @Test
    void fractionsAreValidated() {
        Dataset data = indexed(10);
        DescentException e = assertThrows(DescentException.class, () -> Split.of(data, 0.8, 0.3, 1, false));
        assertEquals("train fraction 0.8 plus validation fraction 0.3 exceed 1; the test part gets the rest", e.getMessage());
        e = assertThrows(DescentException.class, () -> Split.of(data, 0, 0.3, 1, false));
        assertEquals("train fraction must be in (0, 1], got 0.0", e.getMessage());
        e = assertThrows(DescentException.class, () -> Split.of(data, 0.5, -0.1, 1, false));
        assertEquals("validation fraction must be in [0, 1), got -0.1", e.getMessage());
        Dataset regression = Dataset.regression(data.features(), data.features());
        e = assertThrows(DescentException.class, () -> Split.of(regression, 0.5, 0.1, 1, true));
        assertTrue(e.getMessage().startsWith("a stratified split needs class labels"), e.getMessage());
    }
}
