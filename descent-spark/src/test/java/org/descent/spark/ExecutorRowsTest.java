package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.descent.data.Dataset;
import org.descent.data.Normalize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executors' own reading of the training rows gives, partition by partition and bit for bit,
 * the samples the driver would broadcast ({@link SparkTrainer#distribute} of its normalized split).
 */
class ExecutorRowsTest {
    private static void assertSameSamples(String data, int partitions) {
        Dataset train = RunData.split(data, 7).train();
        Normalize normalize = Normalize.standardize(train);
        List<List<Sample>> broadcast = SparkTrainer.distribute(LocalSpark.context(), normalize.apply(train), partitions)
                .glom().collect();
        List<List<Sample>> read = ExecutorRows.distribute(LocalSpark.context(), data, 7, normalize, partitions)
                .glom().collect();
        assertEquals(partitions, read.size());
        for (int p = 0; p < partitions; p++) {
            assertEquals(broadcast.get(p).size(), read.get(p).size(), "partition " + p);
            for (int i = 0; i < read.get(p).size(); i++) {
                assertArrayEquals(broadcast.get(p).get(i).features(), read.get(p).get(i).features());
                assertArrayEquals(broadcast.get(p).get(i).target(), read.get(p).get(i).target());
            }
        }
    }

    @Test
    void theDigitsReadOnTheExecutorsAreTheBroadcastRows() {
        assertSameSamples("digits", 3);
    }

    @Test
    void anIdxFolderReadOnTheExecutorsGivesTheBroadcastRows(@TempDir Path folder) throws IOException {
        Random random = new Random(3);
        int count = 101;
        writeIdx(folder.resolve("train-images-idx3-ubyte"), 0x803, new int[] {count, 3, 2}, random, 256);
        writeIdx(folder.resolve("train-labels-idx1-ubyte"), 0x801, new int[] {count}, random, 4);
        writeIdx(folder.resolve("t10k-images-idx3-ubyte"), 0x803, new int[] {5, 3, 2}, random, 256);
        writeIdx(folder.resolve("t10k-labels-idx1-ubyte"), 0x801, new int[] {5}, random, 4);
        assertSameSamples(folder.toString(), 2);
    }

    /** An IDX file of unsigned bytes: the magic number, the sizes, then random values below {@code bound}. */
    private static void writeIdx(Path file, int magic, int[] sizes, Random random, int bound) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(magic);
            int values = 1;
            for (int size : sizes) {
                out.writeInt(size);
                values *= size;
            }
            for (int i = 0; i < values; i++) {
                out.writeByte(random.nextInt(bound));
            }
        }
    }
}
