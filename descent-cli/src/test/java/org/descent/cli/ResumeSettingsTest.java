package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 12, reproducer 17 and deliverable 5: a resume with other settings than the checkpoint's is refused. */
class ResumeSettingsTest {
    @TempDir
    Path dir;
    Path checkpoint;

    @BeforeEach
    void interruptedRun() {
        checkpoint = dir.resolve("run.ckpt");
        CliRun run = CliRun.of("train", "--data", "iris", "--epochs", "2", "--quiet", "--checkpoint", checkpoint.toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    @ParameterizedTest
    @CsvSource({"--seed, 7, 42", "--batch, 32, 64", "--lr, 0.01, 0.001", "--optimizer, momentum, adam",
            "--schedule, step, constant", "--clip-norm, 1.0, none", "--clip-value, 0.5, none",
            "--class-weights, auto, none", "--label-smoothing, 0.1, 0.0"})
    void anotherSettingIsRefusedNamingBothValues(String option, String value, String saved) {
        CliRun run = CliRun.of("train", "--data", "iris", "--epochs", "4", "--quiet", "--resume", checkpoint.toString(),
                option, value);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errLines().length, run.err());
        String expected = "descent: " + checkpoint + " was written by a run with " + option + " " + saved
                + " but this run has " + option + " " + value + "; resume with the options of the interrupted run";
        assertTrue(run.err().startsWith(expected), run.err());
    }

    @Test
    void theSameSettingsResumeAndMoreEpochsAreAllowed() {
        CliRun run = CliRun.of("train", "--data", "iris", "--epochs", "4", "--quiet", "--resume", checkpoint.toString(),
                "--checkpoint", checkpoint.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("resuming after epoch 2 of 4"), run.out());
    }

    @Test
    void anotherNetworkIsRefusedNamingBoth() {
        CliRun run = CliRun.of("train", "--data", "iris", "--epochs", "4", "--quiet", "--resume", checkpoint.toString(),
                "--dropout", "0.3");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().contains("written by a run with network 4 → Linear(64) → relu → Linear(3) but this run has"
                + " network 4 → Linear(64) → relu → dropout(p=0.3) → Linear(3);"), run.err());
    }

    @Test
    void otherDataAreRefused() {
        CliRun run = CliRun.of("train", "--data", "wine", "--epochs", "4", "--quiet", "--resume", checkpoint.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("written by a run with --data iris (105 + 24 + 21 samples) but this run has --data wine"),
                run.err());
    }
}
