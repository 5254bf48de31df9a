package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a network or a model file larger than the heap is refused in one line before it is
 * allocated (it used to end in an out-of-memory error halfway through building the network).
 */
class MemoryBudgetTest {
    private static final Pattern HINT = Pattern.compile("-Xmx(\\d+)g ");

    @TempDir
    Path dir;

    @Test
    void layersBeyondTheHeapAreRefusedBeforeBuilding() {
        long before = usedHeap();
        CliRun run = CliRun.of("train", "--quiet", "--layers", "40000,40000");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errLines().length, run.err());
        // 64·40000 + 40000 + 40000·40000 + 40000 + 40000·10 + 10 parameters, 4 floats each (the value, its gradient,
        // Adam's two moments): 25.65e9 bytes; the 270 test rows (the largest pass) through outputs of 40000 + 40000
        // + 40000 + 40000 + 10 features, 3 floats each: 0.52e9 bytes; 26.17e9 bytes = 24.4 GiB.
        long parameters = 64L * 40000 + 40000 + 40000L * 40000 + 40000 + 40000 * 10 + 10;
        assertTrue(run.err().startsWith("descent: --layers 40000,40000: training 64 → Linear(40000) → relu → "
                + "Linear(40000) → relu → Linear(10) needs about 24.4 GB (" + String.format("%,d", parameters)
                + " parameters, their gradients and adam's state, and the activations of 270 rows), but the JVM may use"
                + " at most " + MemoryBudget.bytes(Runtime.getRuntime().maxMemory()) + " and "), run.err());
        Matcher hint = HINT.matcher(run.err());
        assertTrue(hint.find(), run.err());
        assertTrue(Long.parseLong(hint.group(1)) << 30 > parameters * 16, "the -Xmx hint holds the network: " + run.err());
        assertTrue(usedHeap() - before < 256L << 20, "nothing of the network was allocated");
    }

    @Test
    void aModelFileBeyondTheHeapIsRefusedBeforeReading() throws IOException {
        Path model = dir.resolve("huge.safetensors");
        try (RandomAccessFile file = new RandomAccessFile(model.toFile(), "rw")) {
            file.setLength(Runtime.getRuntime().maxMemory());   // sparse: no disk used
        }
        CliRun run = CliRun.of("predict", "--model", model.toString(), "--input", dir.resolve("none.csv").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("descent: " + model + ": loading this model file of "), run.err());
        assertTrue(run.err().contains("but the JVM may use at most"), run.err());
        assertTrue(HINT.matcher(run.err()).find(), run.err());
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
