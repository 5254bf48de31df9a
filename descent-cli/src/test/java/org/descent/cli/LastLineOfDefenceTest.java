package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, deliverable 4 and reproducers 1, 4, 8 and 14: every failure is one line and exit code 2. */
class LastLineOfDefenceTest {
    @TempDir
    Path dir;

    private static void assertOneLine(CliRun run, String... parts) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errLines().length, run.err());
        for (String part : parts) {
            assertTrue(run.err().contains(part), () -> "lacks '" + part + "': " + run.err());
        }
    }

    @Test
    void aMistypedCommandIsOneLineWithPicocliSuggestion() {
        assertOneLine(CliRun.of("trian"), "descent: Unmatched argument at index 0: 'trian'", "did you mean train",
                "(see 'descent --help')");
    }

    @Test
    void aMistypedOptionIsOneLineWithPicocliSuggestion() {
        assertOneLine(CliRun.of("train", "--epoch", "3"), "descent: Unknown options: '--epoch', '3'", "did you mean --epochs",
                "(see 'descent train --help')");
    }

    @Test
    void aMissingOptionIsOneLine() {
        assertOneLine(CliRun.of("evaluate"), "descent: Missing required option: '--model=FILE'",
                "(see 'descent evaluate --help')");
    }

    @Test
    void internalErrorsAndErrorsAreOneLineAskingForAReport() {
        assertEquals("internal error: java.lang.StackOverflowError (a bug in Descent; please report it with the command"
                + " that caused it; --verbose shows the stack trace)", ErrorLine.of(new StackOverflowError()));
        assertTrue(ErrorLine.of(new NullPointerException("a\nb")).startsWith("internal error: java.lang.NullPointerException: a b ("));
        assertTrue(ErrorLine.of(new java.nio.file.InvalidPathException("/tmp/??.csv", "Malformed input"))
                .startsWith("cannot use the path '/tmp/??.csv': Malformed input; file names are encoded in "));
        String memory = ErrorLine.of(new OutOfMemoryError("Java heap space"));
        long max = Runtime.getRuntime().maxMemory() >> 20;
        assertTrue(memory.startsWith("out of memory (the JVM may use at most " + max + " MB)"), memory);
        long suggested = Long.parseLong(memory.replaceAll(".*-Xmx(\\d+)g.*", "$1"));
        assertTrue(suggested * 1024 > max, memory + " suggests less than the heap it had");
    }

    @Test
    void aHeaderNarrowerThanTheDataIsOneLine() throws IOException {
        Path csv = Files.writeString(dir.resolve("h.csv"), "a\n1,2\n3,4\n");
        assertOneLine(CliRun.of("train", "--quiet", "--data", csv.toString(), "--header"),
                "descent: h.csv: the header line names 1 column but row 2 has 2");
    }

    @Test
    void deepExpressionsAreOneLine() {
        CliRun deep = CliRun.of("minimize", "(".repeat(5000) + "x1" + ")".repeat(5000));
        assertOneLine(deep, "nests deeper than 256 levels", "(10002 characters)");
        assertTrue(deep.err().length() < 300, "the expression is shown shortened: " + deep.err().length());
        assertOneLine(CliRun.of("minimize", "-".repeat(10_000) + "x1"), "nests deeper than 256 levels");
        assertOneLine(CliRun.of("minimize", "x30000^2"), "variable 'x30000' is beyond x1000");
    }

    @Test
    void aLayerTooLargeForOneTensorIsOneLine() {
        assertOneLine(CliRun.of("train", "--quiet", "--data", "iris", "--layers", "100000,100000"),
                "more than one tensor holds");
    }

    @Test
    void anEmptyTensorWithHugeDimensionsIsOneLine() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[65536,65536,0],\"data_offsets\":[0,0]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(padded).put(json);
        while (b.hasRemaining()) {
            b.put((byte) ' ');
        }
        Path model = Files.write(dir.resolve("m.safetensors"), b.array());
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", "iris");
        assertOneLine(run, "descent: ");
        assertTrue(!run.err().contains("internal error"), run.err());
    }
}
