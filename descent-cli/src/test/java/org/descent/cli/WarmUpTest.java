package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The kernel warm-up of {@code descent train} while the data load ({@link WarmUp}). */
class WarmUpTest {
    @TempDir
    Path dir;

    @Test
    void onlyDataThatTakeLongToLoadAreWorthIt() throws Exception {
        assertTrue(WarmUp.worthIt("fashion-mnist"));
        assertTrue(WarmUp.worthIt("Fashion-MNIST"));
        assertTrue(WarmUp.worthIt(dir.toString()), "an IDX folder");
        assertFalse(WarmUp.worthIt("digits"));
        assertFalse(WarmUp.worthIt("-"));
        assertFalse(WarmUp.worthIt(dir.resolve("missing.csv").toString()));
        Path small = Files.writeString(dir.resolve("small.csv"), "1,2,0\n");
        assertFalse(WarmUp.worthIt(small.toString()));
        Path large = dir.resolve("large.csv");
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(WarmUp.LARGE_FILE);
        }
        assertTrue(WarmUp.worthIt(large.toString()));
    }

    @Test
    void itTrainsTheRunsNetworkUntilClosed() throws Exception {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs("--layers", "32", "--optimizer", "sgd", "--batch", "16");
        WarmUp warmUp = WarmUp.start("fashion-mnist", command.network, command.optimizer, command.batch);
        for (int i = 0; i < 600 && warmUp.steps() < 3; i++) {
            Thread.sleep(50);
        }
        assertTrue(warmUpRuns());
        warmUp.close();
        long steps = warmUp.steps();
        assertTrue(steps >= 3, "steps: " + steps);
        assertFalse(warmUpRuns(), "close() waits for the thread to end");
        assertEquals(steps, warmUp.steps());
    }

    @Test
    void smallDataStartNothing() {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs();
        try (WarmUp warmUp = WarmUp.start("digits", command.network, command.optimizer, command.batch)) {
            assertFalse(warmUpRuns());
        }
    }

    private static boolean warmUpRuns() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("descent-warm-up") && t.isAlive());
    }
}
