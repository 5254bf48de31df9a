package org.descent.data;

import static org.descent.data.SplitTest.ids;
import static org.descent.data.SplitTest.indexed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.descent.DescentException;
import org.descent.tensor.Shape;
import org.junit.jupiter.api.Test;

class BatchesTest {
    private final Dataset data = indexed(23);

    /** The sample ids of each batch of an epoch, read from the copied features. */
    private static List<int[]> epoch(Batches batches, int epoch) {
        List<int[]> out = new ArrayList<>();
        for (Batch batch : batches.epoch(epoch)) {
            assertArrayEquals(batch.indices(), ids(Dataset.regression(batch.features(), batch.targets())));
            out.add(batch.indices());
        }
        return out;
    }

    @Test
    void everySampleExactlyOncePerEpochLastBatchSmaller() {
        Batches batches = new Batches(data, 5, 11);
        assertEquals(5, batches.batchCount());
        for (int epoch = 0; epoch < 3; epoch++) {
            List<int[]> parts = epoch(batches, epoch);
            assertEquals(List.of(5, 5, 5, 5, 3), parts.stream().map(p -> p.length).toList());
            int[] seen = parts.stream().flatMapToInt(Arrays::stream).sorted().toArray();
            assertArrayEquals(IntStream.range(0, 23).toArray(), seen);
        }
    }

    @Test
    void batchTargetsMatchTheirRows() {
        Batch first = new Batches(data, 4, 1).epoch(0).iterator().next();
        assertEquals(Shape.of(4, 2), first.targets().shape());
        for (int i = 0; i < first.size(); i++) {
            int label = data.label(first.indices()[i]);
            assertEquals(1.0, first.targets().get(i * 2 + label), 0.0);
        }
    }

    @Test
    void theOrderCanBeComputedWithoutTheData() {
        Batches batches = new Batches(data, 4, 5);
        for (int epoch = 1; epoch <= 3; epoch++) {
            assertArrayEquals(batches.order(epoch), Batches.shuffledOrder(data.size(), 5, epoch));
        }
    }

    @Test
    void deterministicForSeedAndEpoch() {
        Batches batches = new Batches(data, 4, 5);
        assertArrayEquals(batches.order(2), new Batches(data, 4, 5).order(2));
        assertFalse(Arrays.equals(batches.order(2), batches.order(3)), "epochs differ");
        assertFalse(Arrays.equals(batches.order(2), new Batches(data, 4, 6).order(2)), "seeds differ");
        assertArrayEquals(epoch(batches, 1).get(0), epoch(batches, 1).get(0));
    }

    @Test
    void fullBatchIsTheWholeDatasetWithoutCopying() {
        Batches full = new Batches(data, 0, 5);
        assertEquals(1, full.batchCount());
        assertEquals(23, full.batchSize());
        List<Batch> batches = new ArrayList<>();
        full.epoch(4).forEach(batches::add);
        assertEquals(1, batches.size());
        assertSame(data.features(), batches.get(0).features());
        assertArrayEquals(IntStream.range(0, 23).toArray(), batches.get(0).indices());
    }

    @Test
    void batchLargerThanDataIsOneShuffledBatch() {
        Batches batches = new Batches(data, 100, 5);
        assertEquals(1, batches.batchCount());
        assertEquals(23, epoch(batches, 0).get(0).length);
    }

    @Test
    void negativeBatchSizeIsRefused() {
        DescentException e = assertThrows(DescentException.class, () -> new Batches(data, -1, 0));
        assertEquals("batch size must be positive, or 0 for full batch, got -1", e.getMessage());
    }

    @Test
    void reusingStorageGivesTheSameBatchesInOneBufferOfEachSize() {
        Batches batches = new Batches(data, 5, 11);
        List<int[]> copied = epoch(batches, 2);
        List<float[]> storage = new ArrayList<>();
        int i = 0;
        for (Batch batch : batches.epochReusingStorage(2)) {
            assertArrayEquals(copied.get(i++), batch.indices());
            assertArrayEquals(batch.indices(), ids(Dataset.regression(batch.features(), batch.targets())));
            storage.add(batch.features().floatData());
        }
        assertEquals(5, i);
        assertSame(storage.get(0), storage.get(3));
        assertFalse(storage.get(3) == storage.get(4), "the last, smaller batch gets storage of its own");
    }
}
