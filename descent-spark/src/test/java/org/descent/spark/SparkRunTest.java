package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.nn.LayerSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code descent-spark/run}'s SparkRun on {@code local[2]}: a CSV file, both modes, the epoch lines. */
class SparkRunTest {
    /** Three classes of 2-D points around (0,0), (4,0) and (0,4); label last. */
    private static Path blobs(Path directory) throws Exception {
        Random random = new Random(1);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            int label = i % 3;
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%d%n", (label == 1 ? 4 : 0) + random.nextGaussian(),
                    (label == 2 ? 4 : 0) + random.nextGaussian(), label));
        }
        return Files.writeString(directory.resolve("blobs.csv"), csv);
    }

    private static List<String> run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            SparkRun.train(SparkRun.parse(args), LocalSpark.context());
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static double testAccuracy(List<String> lines) {
        String line = lines.stream().filter(l -> l.startsWith("test accuracy ")).findFirst().orElseThrow();
        return Double.parseDouble(line.split(" ")[2]);
    }

    @Test
    void trainsACsvFileInBothModesPrintingTheEpochLines(@TempDir Path directory) throws Exception {
        String csv = blobs(directory).toString();
        for (String mode : List.of("average", "sync")) {
            List<String> lines = run("--data", csv, "--mode", mode, "--epochs", "6", "--batch", "16", "--lr", "0.05",
                    "--hidden", "8");
            assertEquals(6, lines.stream().filter(l -> l.matches("epoch +\\d/6  loss .*samples/s")).count(),
                    mode + ": " + lines);
            // Sync steps have a gradient norm to print; averaging rounds have none, and print no NaN.
            assertEquals(mode.equals("sync") ? 6 : 0, lines.stream().filter(l -> l.contains("‖∇‖ ")).count(), mode + ": " + lines);
            assertTrue(lines.stream().noneMatch(l -> l.contains("NaN")), mode + ": " + lines);
            assertTrue(lines.get(0).startsWith("210 train, 45 validation, 45 test samples; " + mode + " mode"),
                    lines.get(0));
            assertTrue(testAccuracy(lines) > 0.9, mode + ": " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.matches("weights sha256 [0-9a-f]{64}")), lines::toString);
        }
    }

    @Test
    void refusesAMissingFileAndUnknownOptions(@TempDir Path directory) {
        DescentException missing = assertThrows(DescentException.class,
                () -> run("--data", directory.resolve("none.csv").toString()));
        assertTrue(missing.getMessage().contains("no such CSV file or folder of IDX files"), missing.getMessage());
        String unknown = parseRefusal("--epoch", "3");
        assertTrue(unknown.startsWith("unknown option or missing value: --epoch"), unknown);
    }

    @Test
    void refusesBadClipping() {
        assertEquals("--clip-norm must be positive and finite, got -1", parseRefusal("--clip-norm", "-1"));
        assertEquals("give --clip-norm or --clip-value, not both", parseRefusal("--clip-norm", "1", "--clip-value", "1"));
        assertEquals("--clip-norm must be a number, got abc", parseRefusal("--clip-norm", "abc"));
    }

    @Test
    void refusesNumbersItCannotReadNamingTheOption() {
        assertEquals("--epochs must be a whole number, got 1.5", parseRefusal("--epochs", "1.5"));
        assertEquals("--warmup-steps must be a whole number, got x", parseRefusal("--warmup-steps", "x"));
        assertEquals("--hidden must be widths such as 256,128, got 256,x", parseRefusal("--hidden", "256,x"));
    }

    /** The message of the error that {@code SparkRun.parse} refuses {@code args} with. */
    private static String parseRefusal(String... args) {
        return assertThrows(DescentException.class, () -> SparkRun.parse(args)).getMessage();
    }

    /** Clipping reaches the executors' local steps in average mode too: a tight clip changes the weights. */
    @Test
    void clippingChangesAnAveragingRun(@TempDir Path directory) throws Exception {
        String csv = blobs(directory).toString();
        List<String> plain = run("--data", csv, "--epochs", "2", "--batch", "16", "--lr", "0.05", "--hidden", "8");
        List<String> clipped = run("--data", csv, "--epochs", "2", "--batch", "16", "--lr", "0.05", "--hidden", "8",
                "--clip-value", "0.001");
        assertNotEquals(sha(plain), sha(clipped), "the clipping changed nothing");
    }

    private static String sha(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("weights sha256 ")).findFirst().orElseThrow();
    }

    /** The warm-up trains a throwaway copy: the run's weights are the same without it. */
    @Test
    void theWarmupChangesNoWeight() {
        List<String> warm = run("--data", "digits", "--epochs", "1", "--warmup-steps", "30");
        List<String> cold = run("--data", "digits", "--epochs", "1", "--warmup-steps", "0");
        assertEquals(sha(cold), sha(warm));
    }

    /** The warm-up's network, built before the normalization is known, is pooled under the run's architecture. */
    @Test
    void theWarmupsArchitectureIsTheRunsWhateverTheNormalization() {
        Dataset digits = EmbeddedData.digits();
        List<LayerSpec> layers = List.of(LayerSpec.linear(32), LayerSpec.activation("relu"), LayerSpec.linear(10));
        NetworkSpec plain = new NetworkSpec(64, layers, "classification", "cross-entropy", 10, digits.classNames(), null);
        NetworkSpec normalized = new NetworkSpec(64, layers, "classification", "cross-entropy", 10,
                digits.classNames(), Normalize.standardize(digits));
        assertEquals(ExecutorModels.architecture(Model.create(normalized, new Random(1)).spec()),
                ExecutorModels.architecture(Model.create(plain, new Random(2)).spec()));
    }
}
