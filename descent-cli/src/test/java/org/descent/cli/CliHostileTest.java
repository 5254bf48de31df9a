package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, reproducers 15, 16 and 21: options that used to be accepted silently or fail obscurely. */
class CliHostileTest {
    @TempDir
    Path dir;

    private static void assertOneLine(CliRun run, String expected) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith(expected), () -> "expected '" + expected + "', got: " + run.err());
    }

    @Test
    void anUnknownTaskIsRefused() {
        assertOneLine(CliRun.of("train", "--quiet", "--task", "bogus"), "descent: Invalid value for option '--task': 'bogus' is unknown; use multiclass, regression");
    }

    @Test
    void theModelMayNotReplaceTheTrainingData() throws IOException {
        Path csv = dir.resolve("data.csv");
        byte[] rows = "1,2,0\n3,4,1\n5,6,0\n7,8,1\n1,3,0\n2,4,1\n3,5,0\n4,6,1\n".repeat(3).getBytes();
        Files.write(csv, rows);
        assertOneLine(CliRun.of("train", "--quiet", "--data", csv.toString(), "--out", csv.toString()),
                "descent: --out " + csv + " would overwrite the training data (--data " + csv + ")");
        assertArrayEquals(rows, Files.readAllBytes(csv));
    }

    @Test
    void twoOutputsMayNotNameTheSameFile() {
        Path x = dir.resolve("x");
        assertOneLine(CliRun.of("train", "--quiet", "--out", x.toString(), "--checkpoint", x.toString()),
                "descent: --out and --checkpoint name the same file " + x);
        Path resumed = dir.resolve("run.ckpt");
        assertOneLine(CliRun.of("train", "--quiet", "--out", resumed.toString(), "--resume", resumed.toString()),
                "descent: --out " + resumed + " would overwrite the checkpoint resumed from");
    }

    @Test
    void aCsvOfTwoRowsIsTooFewToSplit() throws IOException {
        Path csv = Files.writeString(dir.resolve("two.csv"), "1,2,0\n3,4,1\n");
        assertOneLine(CliRun.of("train", "--quiet", "--data", csv.toString()),
                "descent: --data " + csv + ": 2 samples are too few to split 70/15/15 into training (");
        Path one = Files.writeString(dir.resolve("one.csv"), "1,2,0\n");
        assertOneLine(CliRun.of("train", "--quiet", "--data", one.toString()), "descent: --data " + one + ": 1 sample is too few");
    }
}
