package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.descent.data.Dataset;
import org.junit.jupiter.api.Test;

class PartitionShardTest {
    private final PartitionShard shard = PartitionShard.pack(3, List.of(
            new Sample(new float[] {0, 1}, new float[] {10}),
            new Sample(new float[] {2, 3}, new float[] {11}),
            new Sample(new float[] {4, 5}, new float[] {12})).iterator(), 2, 1);

    @Test
    void findsItsSamplesOfTheBatchInTheBatchsOrder() {
        // the shard holds global samples 100, 101, 102
        int[] rows = shard.rowsOf(new int[] {7, 102, 100, 99, 103, 101}, 100);
        assertArrayEquals(new int[] {2, 0, 1}, rows);
        assertArrayEquals(new float[] {4, 5, 0, 1, 2, 3}, shard.features(rows).floatData());
        assertArrayEquals(new float[] {12, 10, 11}, shard.targets(rows).floatData());
        assertEquals(3, shard.features(rows).shape().dim(0));
    }

    @Test
    void aBatchElsewhereGivesNoRows() {
        assertEquals(0, shard.rowsOf(new int[] {0, 1, 2, 3}, 100).length);
        assertEquals(3, shard.size());
    }

    @Test
    void aRoundsRowsReuseTheStorageOfTheRoundBefore() {
        Dataset first = shard.lend(new int[] {2, 0, 1});
        assertArrayEquals(new float[] {4, 5, 0, 1, 2, 3}, first.features().floatData());
        Dataset whileLent = shard.lend(new int[] {0, 1, 2});
        assertNotSame(first.features().floatData(), whileLent.features().floatData());
        shard.giveBack(first);
        Dataset second = shard.lend(new int[] {1, 2, 0});
        assertSame(first.features().floatData(), second.features().floatData());
        assertArrayEquals(new float[] {2, 3, 4, 5, 0, 1}, second.features().floatData());
        assertArrayEquals(new float[] {11, 12, 10}, second.targets().floatData());
        shard.giveBack(second);
        assertEquals(2, shard.lend(new int[] {2, 0}).size());   // another size: storage of its own
    }
}
