package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: standard input and output as files ("-"), Excel's byte order mark, a C locale. */
class UnixHabitsTest {
    @TempDir
    Path dir;

    private static final String IRIS_ROWS = "5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n";

    private Path irisModel() {
        Path model = dir.resolve("iris.safetensors");
        CliRun train = CliRun.of("train", "--data", "iris", "--layers", "8", "--epochs", "40", "--batch", "16",
                "--lr", "0.01", "--quiet", "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        return model;
    }

    @Test
    void predictReadsStandardInputAndWritesStandardOutput() throws Exception {
        Path model = irisModel();
        Path file = Files.writeString(dir.resolve("rows.csv"), IRIS_ROWS);
        CliRun fromFile = CliRun.of("predict", "--model", model.toString(), "--input", file.toString());
        CliRun piped = withStdin(IRIS_ROWS, () -> CliRun.of("predict", "--model", model.toString(), "--input", "-",
                "--output", "-"));
        assertEquals(0, piped.exitCode(), piped.err());
        assertEquals(fromFile.out(), piped.out());
        assertEquals(3, piped.out().lines().count(), piped.out());
        assertTrue(piped.err().isEmpty(), piped.err());
    }

    @Test
    void aCsvWithAByteOrderMarkTrains() throws Exception {
        StringBuilder csv = new StringBuilder("\uFEFF");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 2).append(',').append(i % 3).append(',').append(i % 2).append('\n');
        }
        Path file = Files.writeString(dir.resolve("excel.csv"), csv, StandardCharsets.UTF_8);
        CliRun run = CliRun.of("train", "--data", file.toString(), "--epochs", "2", "--layers", "4", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        CliRun piped = withStdin(csv.toString(), () -> CliRun.of("train", "--data", "-", "--epochs", "2", "--layers", "4",
                "--quiet"));
        assertEquals(0, piped.exitCode(), piped.err());
        assertEquals(run.out().replace(file.toString(), "standard input"), piped.out());
    }

    @Test
    void aRegressionCsvFromStandardInput() throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(',').append(0.5 * i + 1).append('\n');
        }
        CliRun run = withStdin(csv.toString(), () -> CliRun.of("train", "--data", "-", "--task", "regression",
                "--epochs", "2", "--layers", "4", "--quiet"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("standard input: 28 train") && run.out().contains("; l2"), run.out());
    }

    @Test
    void underTheCLocaleTheSymbolsAreSpelledInAscii() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "train", "--data", "iris", "--epochs", "1", "--layers", "4"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        builder.environment().remove("LANG");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), out);
        assertTrue(out.contains("4 -> Linear(4) -> relu -> Linear(3)"), out);
        assertTrue(out.matches("(?s).*epoch   1/1  loss \\d\\.\\d{4}  val_acc \\d\\.\\d{4}  \\|grad\\| \\d+\\.\\d{4}  eta 0\\.00100.*"),
                out);
        assertFalse(out.contains("?"), out);
    }

    @Test
    void asciiFallbackSpellsSymbolsAndMarksTheRest() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AsciiFallback out = new AsciiFallback(bytes)) {
            byte[] text = "64 → x ‖∇‖ η 0.1 日 ok".getBytes(StandardCharsets.UTF_8);
            out.write(text, 0, 6);  // splits '→' (3 bytes) across two writes
            out.write(text, 6, text.length - 6);
        }
        assertEquals("64 -> x |grad| eta 0.1 ? ok", bytes.toString(StandardCharsets.US_ASCII));
    }

    private interface Run {
        CliRun get() throws Exception;
    }

    private static synchronized CliRun withStdin(String text, Run run) throws Exception {
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return run.get();
        } finally {
            System.setIn(old);
        }
    }
}
