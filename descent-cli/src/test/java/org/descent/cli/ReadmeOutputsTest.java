package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.descent.cli.ReadmeBlocks.Page;
import org.descent.cli.ReadmeBlocks.Transcript;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code $ ./descent ...} transcripts of every documentation page (README.md and each docs/*.md, found by
 * {@link ReadmeBlocks#load()}), rerun. What each command prints (standard output, then standard error) must equal the
 * lines the page shows after it, except the time and samples/s of epoch lines and where the page elides ({@code ...}
 * lines, a trailing {@code " …"}); see {@link ElidedTranscript}. The transcripts of one page run in page order in one
 * folder of their own, as later commands read the files earlier ones wrote ({@link TranscriptRunner}). A transcript
 * that trains on Fashion-MNIST is slow: it runs only in {@link #fashionMnistTranscripts}, tagged {@code slow}, in a
 * folder of its own, so no later command may read its files.
 */
class ReadmeOutputsTest {
    private static final ReadmeBlocks PAGES = ReadmeBlocks.load();

    @TempDir
    Path dir;

    @Test
    void theDefaultRun() {
        new TranscriptRunner(dir).assertPrints(PAGES.nextBlockAfter("./descent train"), "./descent train", 0);
    }

    @TestFactory
    Stream<DynamicNode> transcripts() {
        return transcriptsOf(transcript -> !readsFashionMnist(transcript), true);
    }

    @TestFactory
    @Tag("slow")
    Stream<DynamicNode> fashionMnistTranscripts() {
        assertTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")),
                "Fashion-MNIST is missing: apt-get install dataset-fashion-mnist (or skip slow tests: -DexcludedGroups=slow)");
        return transcriptsOf(ReadmeOutputsTest::readsFashionMnist, false);
    }

    /** The scan finds the transcripts where they are (a broken scan would pass every page as having none). */
    @Test
    void theReadmeAndTheCommandLinePageHaveTranscripts() {
        List<String> withTranscripts = PAGES.pages().stream().filter(p -> !ReadmeBlocks.transcripts(p).isEmpty())
                .map(Page::name).collect(Collectors.toList());
        assertTrue(withTranscripts.containsAll(List.of("README.md", "docs/CLI.md")), withTranscripts.toString());
        assertTrue(PAGES.pages().stream().flatMap(p -> ReadmeBlocks.transcripts(p).stream())
                .anyMatch(ReadmeOutputsTest::readsFashionMnist), "no Fashion-MNIST transcript found");
    }

    @Test
    void twoClassSoftmaxAndWine() {
        assertGivesWhatThePagesSay("./descent train --data breast-cancer --epochs 30 --quiet");
        assertGivesWhatThePagesSay("./descent train --data wine --epochs 30 --quiet");
    }

    @Test
    void minimizeNamesSaddlesMaximaAndSolvesRosenbrock() {
        List<String> saddle = mentionedRun("descent minimize 'x1^2 - x2^2' --start=1,1", 0);
        assertEquals("verdict:     SADDLE", saddle.get(saddle.size() - 1).substring(0, 19), String.join("\n", saddle));
        PAGES.assertMentions("ends with `SADDLE`");

        List<String> maximum = mentionedRun("descent minimize '-x1^2 - x2^2'", 0);
        assertTrue(maximum.contains("x:           (0, 0)"), String.join("\n", maximum));
        assertTrue(maximum.get(maximum.size() - 1).startsWith("verdict:     MAXIMUM"), String.join("\n", maximum));
        PAGES.assertMentions("finds the maximum at 0 and says so");

        List<String> rosenbrock =
                mentionedRun("descent minimize '(1-x1)^2 + 100*(x2-x1^2)^2' --start=-1.2,1 --plot rosenbrock.png", 0);
        assertTrue(rosenbrock.contains("stopped:     gradient norm below eps2 after 7 iterations (converged)")
                && rosenbrock.contains("x:           (1, 1)"), String.join("\n", rosenbrock));
        PAGES.assertMentions("Rosenbrock's valley with Newton's 7 steps");
    }

    /** The table of "Bad input": each command, then its line on standard error and exit code 2. */
    @Test
    void minimizeBadInputTable() {
        TranscriptRunner runner = new TranscriptRunner(dir);
        int rows = 0;
        for (List<String> row : PAGES.tableRows()) {
            if (row.size() == 2 && row.get(0).startsWith("`descent minimize ")
                    && row.get(1).matches("^(`descent: |\\(the report, then\\) `descent: ).*")) {
                String command = row.get(0).substring(1, row.get(0).length() - 1);
                String stderr = row.get(1).replaceFirst("^\\(the report, then\\) ", "");
                assertTrue(stderr.startsWith("`") && stderr.endsWith("`"), row.toString());
                CliRun run = runner.run(command);
                assertEquals(2, run.exitCode(), command + "\n" + run.out() + run.err());
                String[] errLines = runner.unrooted(run.err()).split("\n");
                assertTrue(ElidedTranscript.same(stderr.substring(1, stderr.length() - 1), errLines[errLines.length - 1]),
                        "the Bad input table is out of date for '" + command + "': expects\n  " + stderr
                                + "\nbut standard error is\n  " + run.err());
                rows++;
            }
        }
        assertEquals(7, rows, "rows of the Bad input table");
    }

    /** The pages quote this message without its command. */
    @Test
    void analyzeRefusesDataOfAnotherWidth() {
        TranscriptRunner runner = new TranscriptRunner(dir);
        assertEquals(0, runner.run("descent train --data iris --layers 4 --activation tanh --epochs 30 --quiet"
                + " --out iris.safetensors").exitCode());
        CliRun wrongData = runner.run("descent analyze --model iris.safetensors --data breast-cancer");
        assertEquals(2, wrongData.exitCode(), wrongData.err());
        String message = "descent: iris.safetensors expects 4 input features but breast-cancer has 30"
                + " (4 → Linear(4) → tanh → Linear(3)); use the data it was trained with";
        PAGES.assertMentions("`" + message + "`");
        assertEquals(message, runner.unrooted(wrongData.err()).strip());
    }

    /** One container per page with transcripts that {@code select} picks, one test per transcript. */
    private Stream<DynamicNode> transcriptsOf(Predicate<Transcript> select, boolean onePageOneFolder) {
        List<DynamicNode> pages = new ArrayList<>();
        for (Page page : PAGES.pages()) {
            List<Transcript> chosen = ReadmeBlocks.transcripts(page).stream().filter(select).collect(Collectors.toList());
            if (chosen.isEmpty()) {
                continue;
            }
            Path pageDir = dir.resolve(page.name().replace('/', '_'));
            List<DynamicNode> tests = new ArrayList<>();
            for (Transcript transcript : chosen) {
                Path folder = onePageOneFolder ? pageDir : pageDir.resolve("line" + transcript.prompt().number());
                tests.add(dynamicTest(transcript.prompt().where() + ": " + transcript.command(), () -> {
                    Files.createDirectories(folder);
                    new TranscriptRunner(folder).assertTranscript(transcript);
                }));
            }
            pages.add(dynamicContainer(page.name(), tests));
        }
        assertFalse(pages.isEmpty(), "no page shows a transcript");
        return pages.stream();
    }

    /** A {@code ./descent} command that trains on (or reads) Fashion-MNIST from the installed files. */
    private static boolean readsFashionMnist(Transcript transcript) {
        List<String> words = TranscriptRunner.shellWords(transcript.command());
        return words.contains("fashion-mnist") && !words.contains("--data-dir");
    }

    /** Runs {@code command}, which a page's prose says "gives `an excerpt … of its output`". */
    private void assertGivesWhatThePagesSay(String command) {
        String shown = PAGES.givenBy(command);
        String printed = String.join("\n", mentionedRun(command, 0));
        int from = 0;
        for (String part : shown.split(" … ")) {
            int at = printed.indexOf(part, from);
            assertTrue(at >= 0, "the docs are out of date for '" + command + "': they show\n  " + part
                    + "\nwhich the command does not print (in this order):\n" + printed);
            from = at + part.length();
        }
    }

    private List<String> mentionedRun(String command, int exitCode) {
        PAGES.assertMentions("`" + command + "`");
        TranscriptRunner runner = new TranscriptRunner(dir);
        CliRun run = runner.run(command);
        assertEquals(exitCode, run.exitCode(), command + "\n" + run.out() + run.err());
        return runner.unrooted(run.out() + run.err()).lines().collect(Collectors.toList());
    }
}
