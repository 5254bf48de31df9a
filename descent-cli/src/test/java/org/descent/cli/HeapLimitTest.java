package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fashion-MNIST trains in a 512 MB heap (issue 5), and a heap too small for the data set gives a
 * one-line message, not a stack trace. Each case runs {@code descent train} in its own JVM with
 * {@code -Xmx}. Needs {@code apt-get install dataset-fashion-mnist}.
 */
@Tag("slow")
class HeapLimitTest {

    @TempDir
    Path dir;

    @Test
    void fashionMnistTrainsInHalfAGigabyte() throws Exception {
        Result run = train("-Xmx512m", "--epochs", "2");
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("test accuracy 0.8"), run.out);
    }

    @Test
    void aHeapTooSmallGivesOneClearLine() throws Exception {
        Result run = train("-Xmx160m", "--epochs", "1");
        assertEquals(2, run.exitCode, run.err);
        assertTrue(run.err.contains("descent: out of memory (the JVM may use at most"), run.err);
        assertFalse(run.err.contains("\tat "), run.err);
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result train(String heap, String... options) throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")),
                "Fashion-MNIST is missing: apt-get install dataset-fashion-mnist (or skip slow tests: -DexcludedGroups=slow)");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, heap, "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "train", "--data", "fashion-mnist",
                "--quiet"));
        command.addAll(List.of(options));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "descent train did not finish");
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
