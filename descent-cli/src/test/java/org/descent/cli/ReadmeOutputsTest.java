package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.descent.cli.ReadmeBlocks.Line;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code ./descent} transcripts, rerun. Each command below must appear verbatim in README.md, and what it
 * prints (standard output, then standard error) must equal the lines the README shows after it, except the time and
 * samples/s of epoch lines and where the README elides ({@code ...} lines, a trailing {@code " …"}); see
 * {@link ElidedTranscript}. Commands run in-process ({@link CliRun}) with the files they read and write in a temporary
 * folder: a relative file argument ({@code --out digits.safetensors}) is resolved in that folder, and the folder's
 * path is removed from the output, so the output names the file as the README does. Commands of one README section run
 * in one test, in README order, as they depend on each other's files.
 */
class ReadmeOutputsTest {
    /** The options whose value is a file the command reads or writes. */
    private static final Set<String> FILE_OPTIONS =
            Set.of("--out", "--plot", "--checkpoint", "--resume", "--model", "--input", "--output", "--trace");

    private static final ReadmeBlocks README = ReadmeBlocks.load();

    @TempDir
    Path dir;

    @Test
    void theDefaultRun() {
        assertPrints(README.nextBlockAfter("./descent train"), "./descent train", 0);
    }

    @Test
    void digitsSavedEvaluatedAndPredicted() throws IOException {
        assertReadmeOutput("./descent train --out digits.safetensors --plot curves.png --quiet", 0);
        assertReadmeOutput("./descent evaluate --model digits.safetensors --plot cm.png", 0);
        assertTrue(Files.size(dir.resolve("cm.png")) > 0);
        String firstThreeRows = "zcat descent-core/src/main/resources/org/descent/data/digits.csv.gz | head -3"
                + " | cut -d, -f1-64 > three.csv";
        README.assertHasLine("$ " + firstThreeRows);
        Files.write(dir.resolve("three.csv"), firstDigitsRows(3, 64));
        assertReadmeOutput("./descent predict --model digits.safetensors --input three.csv", 0);
    }

    @Test
    void binaryAndTwoClassSoftmax() {
        assertReadmeOutput("./descent train --positive-class 2 --quiet", 0);
        assertGivesWhatTheReadmeSays("./descent train --data breast-cancer --epochs 30 --quiet");
        assertGivesWhatTheReadmeSays("./descent train --data wine --epochs 30 --quiet");
    }

    @Test
    void regression() {
        assertReadmeOutput("./descent train --data diabetes --layers 32 --epochs 100 --batch 32 --lr 0.01 --quiet", 0);
    }

    @Test
    void fullBatchGradientDescentStopsOnTheGradientNorm() {
        assertReadmeOutput("./descent train --data iris --batch 0 --optimizer sgd --lr 0.5 --epochs 2000 --eps2 0.01", 0);
    }

    @Test
    void checkpointResumedAndRefusedForAnotherNetwork() {
        assertReadmeOutput("./descent train --data iris --epochs 3 --quiet --checkpoint run.ckpt", 0);
        assertReadmeOutput("./descent train --data iris --epochs 6 --resume run.ckpt --out iris.safetensors", 0);
        assertReadmeOutput("./descent train --data iris --layers 8 --epochs 6 --resume run.ckpt", 2);
    }

    @Test
    void userErrors() {
        assertReadmeOutput("./descent train --lr -1", 2);
        assertReadmeOutput("./descent train --batch -5", 2);
        assertReadmeOutput("./descent train --data fashion-mnist --data-dir /nowhere", 2);
    }

    @Test
    void minimizeTheLecturesFunction() {
        assertReadmeOutput("./descent minimize 'x1^2 + x1*(1-x2) + x2^2 - x2*x3 + x3^2 + x3'", 0);
    }

    @Test
    void minimizeByGradientDescentWithTraceAndPlot() throws IOException {
        assertReadmeOutput("./descent minimize 'x1^2 + 2*x2^2 + x1*x2 - x1' --method gd --lr 0.4 --start=2,2"
                + " --plot gd.png --trace gd.csv", 0);
        assertTrue(Files.size(dir.resolve("gd.png")) > 0);
        List<String> head = Files.readAllLines(dir.resolve("gd.csv")).subList(0, 3);
        ElidedTranscript.assertMatches(README.outputOf("$ head -3 gd.csv"), head, "head -3 gd.csv");
    }

    @Test
    void minimizeDivergesWithTooLargeAStep() {
        assertReadmeOutput("./descent minimize 'x1^2 + 2*x2^2 + x1*x2 - x1' --method gd --lr 0.5 --start=1,1", 2);
    }

    @Test
    void minimizeNamesSaddlesMaximaAndSolvesRosenbrock() {
        List<String> saddle = mentionedRun("descent minimize 'x1^2 - x2^2' --start=1,1", 0);
        assertEquals("verdict:     SADDLE", saddle.get(saddle.size() - 1).substring(0, 19), String.join("\n", saddle));
        README.assertMentions("ends with `SADDLE`");

        List<String> maximum = mentionedRun("descent minimize '-x1^2 - x2^2'", 0);
        assertTrue(maximum.contains("x:           (0, 0)"), String.join("\n", maximum));
        assertTrue(maximum.get(maximum.size() - 1).startsWith("verdict:     MAXIMUM"), String.join("\n", maximum));
        README.assertMentions("finds the maximum at 0 and says so");

        List<String> rosenbrock =
                mentionedRun("descent minimize '(1-x1)^2 + 100*(x2-x1^2)^2' --start=-1.2,1 --plot rosenbrock.png", 0);
        assertTrue(rosenbrock.contains("stopped:     gradient norm below eps2 after 7 iterations (converged)")
                && rosenbrock.contains("x:           (1, 1)"), String.join("\n", rosenbrock));
        README.assertMentions("Rosenbrock's valley with Newton's 7 steps");
    }

    /** The table of "Bad input": each command, then its line on standard error and exit code 2. */
    @Test
    void minimizeBadInputTable() {
        int rows = 0;
        for (List<String> row : README.tableRows()) {
            if (row.size() == 2 && row.get(0).startsWith("`descent minimize ")) {
                String command = row.get(0).substring(1, row.get(0).length() - 1);
                String stderr = row.get(1).replaceFirst("^\\(the report, then\\) ", "");
                assertTrue(stderr.startsWith("`") && stderr.endsWith("`"), row.toString());
                CliRun run = run(command);
                assertEquals(2, run.exitCode(), command + "\n" + run.out() + run.err());
                String[] errLines = unrooted(run.err()).split("\n");
                assertTrue(ElidedTranscript.same(stderr.substring(1, stderr.length() - 1), errLines[errLines.length - 1]),
                        "README.md's Bad input table is out of date for '" + command + "': expects\n  " + stderr
                                + "\nbut standard error is\n  " + run.err());
                rows++;
            }
        }
        assertEquals(7, rows, "rows of the Bad input table");
    }

    @Test
    void analyzeASmallNetworkWithItsWholeSpectrum() {
        assertReadmeOutput("./descent train --data iris --layers 4 --activation tanh --epochs 30 --quiet"
                + " --out iris.safetensors", 0);
        assertReadmeOutput("./descent analyze --model iris.safetensors --data iris", 0);
        // The README quotes this message without its command.
        CliRun wrongData = run("descent analyze --model iris.safetensors --data breast-cancer");
        assertEquals(2, wrongData.exitCode(), wrongData.err());
        String message = "descent: iris.safetensors expects 4 input features but breast-cancer has 30"
                + " (4 → Linear(4) → tanh → Linear(3)); use the data it was trained with";
        README.assertMentions("`" + message + "`");
        assertEquals(message, unrooted(wrongData.err()).strip());
    }

    @Test
    void analyzeTheDigitsNetworkByLanczos() {
        assertReadmeOutput("./descent train --data digits --epochs 5 --quiet --out digits.safetensors", 0);
        assertReadmeOutput("./descent analyze --model digits.safetensors --data digits", 0);
    }

    @Test
    @Tag("slow")
    void fashionMnist() {
        assertTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")),
                "Fashion-MNIST is missing: apt-get install dataset-fashion-mnist (or skip slow tests: -DexcludedGroups=slow)");
        assertReadmeOutput("./descent train --data fashion-mnist", 0);
    }

    /** Runs {@code command}, shown in the README as {@code $ command}, and compares its output with the README's. */
    private void assertReadmeOutput(String command, int exitCode) {
        assertPrints(README.outputOf("$ " + command), command, exitCode);
    }

    private void assertPrints(List<Line> readme, String command, int exitCode) {
        CliRun run = run(command);
        assertEquals(exitCode, run.exitCode(), command + "\n" + run.out() + run.err());
        ElidedTranscript.assertMatches(readme, unrooted(run.out() + run.err()).lines().collect(Collectors.toList()),
                command);
    }

    /** Runs {@code command}, which the README's prose says "gives `an excerpt … of its output`". */
    private void assertGivesWhatTheReadmeSays(String command) {
        String shown = README.givenBy(command);
        String printed = String.join("\n", mentionedRun(command, 0));
        int from = 0;
        for (String part : shown.split(" … ")) {
            int at = printed.indexOf(part, from);
            assertTrue(at >= 0, "README.md is out of date for '" + command + "': it shows\n  " + part
                    + "\nwhich the command does not print (in this order):\n" + printed);
            from = at + part.length();
        }
    }

    private List<String> mentionedRun(String command, int exitCode) {
        README.assertMentions("`" + command + "`");
        CliRun run = run(command);
        assertEquals(exitCode, run.exitCode(), command + "\n" + run.out() + run.err());
        return unrooted(run.out() + run.err()).lines().collect(Collectors.toList());
    }

    /** Runs a README command line ({@code ./descent ARGS} or {@code descent ARGS}) with its files in {@link #dir}. */
    private CliRun run(String command) {
        List<String> words = shellWords(command);
        assertTrue(words.get(0).equals("./descent") || words.get(0).equals("descent"), command);
        List<String> args = new ArrayList<>(words.subList(1, words.size()));
        for (int i = 1; i < args.size(); i++) {
            if (FILE_OPTIONS.contains(args.get(i - 1)) && !Path.of(args.get(i)).isAbsolute()) {
                args.set(i, dir.resolve(args.get(i)).toString());
            }
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The output with the temporary folder's path taken out of the file names. */
    private String unrooted(String output) {
        return output.replace(dir + java.io.File.separator, "");
    }

    /** Words split at spaces, except inside single quotes (all the README's commands need). */
    static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : command.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        assertTrue(!quoted, "unbalanced quote in " + command);
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    /** What {@code zcat digits.csv.gz | head -ROWS | cut -d, -f1-COLUMNS} prints. */
    private static List<String> firstDigitsRows(int rows, int columns) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                ReadmeOutputsTest.class.getResourceAsStream("/org/descent/data/digits.csv.gz")), StandardCharsets.UTF_8))) {
            return reader.lines().limit(rows)
                    .map(line -> Arrays.stream(line.split(",")).limit(columns).collect(Collectors.joining(",")))
                    .collect(Collectors.toList());
        }
    }
}
