package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser: {@code descent train --dashboard 0 --dashboard-keep} in its own
 * JVM, Debian's chromium driven by playwright-core ({@code src/test/js/dashboard.mjs}, installed
 * into {@code target/test-js} by {@link PlaywrightScripts}), the page's epoch table and test figures checked
 * against the command's own lines, and the screenshot saved as {@code docs/images/dashboard.png};
 * then {@code descent dashboard DIR} on two {@code --log} files, its table checked against the
 * files ({@code docs/images/dashboard-runs.png}).
 * Needs {@code apt-get install chromium} and node (.ci/run installs both). Every wait is bounded;
 * both processes (and chromium under node) are ended whatever happens.
 */
@Tag("browser")
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("DESCENT_CHROMIUM", "/usr/bin/chromium"));
    private static final Path SCRIPTS = Path.of("target/test-js");
    private static final Path IMAGES = Path.of("../docs/images");
    private static final int EPOCHS = 4;
    private static final Pattern EPOCH_LINE = Pattern.compile(
            "^epoch +(\\d+)/(\\d+) +loss ([0-9.]+) +val_acc ([0-9.]+) +\\S+ ([0-9.]+) +\\S+ ([0-9.e-]+) ", Pattern.MULTILINE);

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void endProcesses() throws InterruptedException {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void thePageShowsTheRunAsTheCommandPrintsIt() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: apt-get install chromium (or skip browser tests:"
                + " -DexcludedGroups=browser)");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path trainOut = dir.resolve("train.out");
        Process train = start(new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "train", "--data", "digits", "--epochs",
                String.valueOf(EPOCHS), "--dashboard", "0", "--dashboard-keep").redirectOutput(trainOut.toFile())
                .redirectError(dir.resolve("train.err").toFile()));
        Matcher url = awaitLine(train, trainOut, Pattern.compile("^dashboard: (http://127\\.0\\.0\\.1:\\d+/)$",
                Pattern.MULTILINE), 120);

        Path shot = dir.resolve("dashboard.png");
        JsonNode page = browse("live", url.group(1), shot, EPOCHS >= 2 ? 2 : EPOCHS);
        awaitLine(train, trainOut, Pattern.compile("^training done; the dashboard stays at", Pattern.MULTILINE), 60);

        String cli = Files.readString(trainOut, StandardCharsets.UTF_8);
        assertEquals(0, page.get("problems").size(), "errors in the page: " + page.get("problems"));
        JsonNode rows = page.get("epochs");
        Matcher line = EPOCH_LINE.matcher(cli);
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            assertTrue(line.find(), "epoch line " + epoch + " in:\n" + cli);
            JsonNode row = rows.get(epoch - 1);
            assertEquals(line.group(1) + "/" + line.group(2), row.get(0).asText());
            assertSameFigure(line.group(3), row.get(1).asText(), "loss, epoch " + epoch);
            assertSameFigure(line.group(4), row.get(3).asText(), "val_acc, epoch " + epoch);
            assertSameFigure(line.group(5), row.get(4).asText(), "gradient norm, epoch " + epoch);
            assertSameFigure(line.group(6), row.get(5).asText(), "learning rate, epoch " + epoch);
        }
        assertEquals(EPOCHS, rows.size(), rows.toString());
        assertEquals(EPOCHS, page.get("chartPoints").get("epochLoss").asInt());
        assertEquals(EPOCHS, page.get("chartPoints").get("epochAccuracy").asInt());
        assertTrue(page.get("chartPoints").get("stepLoss").asInt() > EPOCHS, page.get("chartPoints").toString());
        assertEquals(5, page.get("canvases").asInt(), "five charts drawn");

        Matcher test = Pattern.compile("^test accuracy ([0-9.]+) \\((\\d+) samples\\)", Pattern.MULTILINE).matcher(cli);
        assertTrue(test.find(), cli);
        assertTrue(page.get("testFigures").asText().startsWith("test accuracy " + test.group(1) + ", " + test.group(2)
                + " samples"), page.get("testFigures").asText());
        long total = 0;
        long correct = 0;
        for (int i = 0; i < page.get("confusion").size(); i++) {
            for (int j = 0; j < page.get("confusion").get(i).size(); j++) {
                long n = page.get("confusion").get(i).get(j).asLong();
                total += n;
                correct += i == j ? n : 0;
            }
        }
        assertEquals(Long.parseLong(test.group(2)), total, "the confusion matrix counts the test set");
        int wrong = (int) (total - correct);
        assertEquals(Math.min(wrong, 40), page.get("errorImages").asInt(), "the misclassified images, at most 40");
        keep(shot, "dashboard.png");
    }

    @Test
    void theRunsPageShowsTheLoggedRunsSideBySide() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        CliRun adam = CliRun.of("train", "--epochs", "3", "--quiet", "--log", runs.resolve("adam.csv").toString());
        CliRun sgd = CliRun.of("train", "--epochs", "5", "--quiet", "--optimizer", "sgd", "--lr", "0.1", "--log",
                runs.resolve("sgd.csv").toString());
        assertEquals(0, adam.exitCode(), adam.err());
        assertEquals(0, sgd.exitCode(), sgd.err());
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = dir.resolve("train.out");
        Process dashboard = start(new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "dashboard", "runs", "--port", "0")
                .directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(dir.resolve("train.err").toFile()));
        Matcher url = awaitLine(dashboard, out, Pattern.compile("^dashboard of 2 runs in runs: (http://127\\.0\\.0\\.1:\\d+/)"
                + " \\(Ctrl-C stops it\\)$", Pattern.MULTILINE), 120);
        Path shot = dir.resolve("runs.png");
        JsonNode page = browse("runs", url.group(1), shot, 2);
        assertEquals(0, page.get("problems").size(), "errors in the page: " + page.get("problems"));
        assertEquals("[\"adam\",\"sgd\"]", page.get("series").get("runsAccuracy").toString());
        assertEquals(5, page.get("epochs").asInt(), "the x axis runs to the longest run's last epoch");
        assertEquals(3, page.get("canvases").asInt());
        JsonNode table = page.get("table");
        assertEquals("[\"\",\"adam\",\"sgd\"]", table.get(0).toString());
        assertEquals("[\"epochs\",\"3\",\"5\"]", table.get(1).toString());
        String[] adamLast = Files.readAllLines(runs.resolve("adam.csv")).get(3).split(",");
        String[] sgdLast = Files.readAllLines(runs.resolve("sgd.csv")).get(5).split(",");
        assertEquals("last loss", table.get(2).get(0).asText());
        assertSameFigure(adamLast[1], table.get(2).get(1).asText(), "adam's last loss");
        assertSameFigure(sgdLast[1], table.get(2).get(2).asText(), "sgd's last loss");
        assertEquals("last val_acc", table.get(4).get(0).asText());
        assertSameFigure(adamLast[3], table.get(4).get(1).asText(), "adam's last validation accuracy");
        assertSameFigure(sgdLast[3], table.get(4).get(2).asText(), "sgd's last validation accuracy");
        keep(shot, "dashboard-runs.png");
    }

    /** Runs src/test/js/dashboard.mjs in {@code mode} on {@code url}; what the page showed, as JSON. */
    private JsonNode browse(String mode, String url, Path shot, int minimum) throws Exception {
        PlaywrightScripts.install(SCRIPTS);
        Path pageOut = dir.resolve(mode + ".json");
        Path pageErr = dir.resolve(mode + ".err");
        Process node = start(new ProcessBuilder("node", "dashboard.mjs", mode, url, shot.toAbsolutePath().toString(),
                String.valueOf(minimum), "150000").directory(SCRIPTS.toFile()).redirectOutput(pageOut.toFile())
                .redirectError(pageErr.toFile()));
        if (!node.waitFor(180, TimeUnit.SECONDS)) {
            fail("the browser script did not finish in 180 s: " + Files.readString(pageErr));
        }
        assertEquals(0, node.exitValue(), "the browser script failed: " + Files.readString(pageErr));
        return new ObjectMapper().readTree(Files.readString(pageOut, StandardCharsets.UTF_8));
    }

    /** Keeps the screenshot for the docs as docs/images/{@code name}. */
    private static void keep(Path shot, String name) throws IOException {
        assertTrue(Files.size(shot) > 10_000, "a screenshot of the page");
        Path target = IMAGES.resolve(name);
        Files.createDirectories(IMAGES);
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The page's figure (JavaScript's toFixed/toPrecision) and the command's (Java's %.4f/%.3g) of the same double. */
    private static void assertSameFigure(String printed, String shown, String what) {
        double a = Double.parseDouble(printed);
        double b = Double.parseDouble(shown);
        // Both round the same double (or the page rounds the file's): one unit in the coarser last place at most.
        double unit = Math.pow(10, -Math.min(decimals(printed), decimals(shown)));
        assertTrue(Math.abs(a - b) <= unit * 1.001, what + ": the command printed " + printed + ", the page shows " + shown);
    }

    private static int decimals(String number) {
        int dot = number.indexOf('.');
        return dot < 0 ? 0 : number.length() - dot - 1;
    }

    private Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Waits up to {@code seconds} for {@code pattern} in the process's output file. */
    private static Matcher awaitLine(Process process, Path out, Pattern pattern, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(Files.readString(out, StandardCharsets.UTF_8));
            if (matcher.find()) {
                return matcher;
            }
            if (!process.isAlive()) {
                fail("descent train ended (exit " + process.exitValue() + ") before '" + pattern + "':\n"
                        + Files.readString(out) + Files.readString(out.resolveSibling("train.err")));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + pattern + "' in " + seconds + " s:\n" + Files.readString(out));
    }
}
