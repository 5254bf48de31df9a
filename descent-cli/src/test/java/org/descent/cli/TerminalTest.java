package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./descent train} on a real pseudo-terminal (issue 16): tmux runs the launcher in a
 * detached 150×50 session, records every byte the program sends to the terminal
 * ({@code pipe-pane}), and at the end gives the screen as a user sees it ({@code capture-pane}).
 * The screen must hold the epoch lines, in order, then the test figures and "saved model to",
 * and no progress bar; the bytes must show the bar was drawn, labelled with its mean loss. The
 * launcher runs on this build's classes ({@code DESCENT_CLASSPATH}), through a symlink. Needs
 * tmux ({@code .ci/run} installs it).
 */
@Tag("slow")
class TerminalTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path dir;

    private final String socket = "descent-terminal-test-" + ProcessHandle.current().pid();

    @AfterEach
    void stopTmux() throws Exception {
        tmux("kill-server");
        Files.deleteIfExists(dir.resolve("bin/descent"));
    }

    @Test
    void trainOnATerminalLeavesTheEpochLinesAndNoBar() throws Exception {
        Path launcher = dir.resolve("bin/descent");
        Files.createDirectories(launcher.getParent());
        Files.createSymbolicLink(launcher, ROOT.resolve("descent"));
        Path raw = dir.resolve("raw.log");
        // Batches of 2: epochs of 629 steps, long enough for the bar to redraw while they run.
        String command = "sleep 1; cd " + dir + " && DESCENT_CLASSPATH='" + System.getProperty("java.class.path")
                + "' " + launcher + " train --epochs 3 --batch 2 --out m.safetensors; echo \"[exit $?]\"; sleep 600";
        assertEquals(0, tmux("-f", "/dev/null", "new-session", "-d", "-x", "150", "-y", "50", command).exitCode,
                "cannot start tmux: apt-get install tmux");
        assertEquals(0, tmux("pipe-pane", "-o", "cat >> " + raw).exitCode);
        String screen = awaitScreen("[exit ", TimeUnit.MINUTES.toMillis(4));
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.get(0).startsWith("digits: 1258 train"), screen);
        assertTrue(lines.get(1).startsWith("network: 4,810 parameters"), screen);
        for (int epoch = 1; epoch <= 3; epoch++) {
            assertTrue(lines.get(epoch + 1).matches("epoch   " + epoch + "/3  loss \\d\\.\\d{4}  val_acc .* samples/s"),
                    "line " + epoch + " of the screen is not epoch " + epoch + "'s line:\n" + screen);
        }
        assertTrue(lines.get(5).startsWith("test accuracy "), screen);
        assertEquals("saved model to m.safetensors", lines.get(6), screen);
        assertEquals("[exit 0]", lines.get(7), screen);
        assertEquals(8, lines.size(), "no other lines (a stale bar, the JVM's notice):\n" + screen);
        assertFalse(screen.contains("WARNING"), screen);

        String bytes = Files.readString(raw, StandardCharsets.UTF_8);
        assertTrue(bytes.contains("epoch 1/3") && bytes.contains("mean loss so far"),
                "the progress bar was never drawn:\n" + bytes);
        // Drawn while the epoch runs, not held back by a pipe until a newline comes.
        assertTrue(bytes.indexOf("mean loss so far") < bytes.indexOf("epoch   1/3  loss"),
                "the bar reached the terminal only after the epoch line:\n" + bytes);
        // At an epoch's end the bar's last figure is the epoch line's loss.
        String lastBar = bytes.substring(bytes.lastIndexOf("epoch 3/3 "));
        String barLoss = lastBar.replaceAll("(?s).*?mean loss so far (\\d\\.\\d{4}).*", "$1");
        assertTrue(lines.get(4).startsWith("epoch   3/3  loss " + barLoss + " "), barLoss + " vs " + lines.get(4));
    }

    private String awaitScreen(String marker, long timeoutMillis) throws Exception {
        long end = System.currentTimeMillis() + timeoutMillis;
        String screen = "";
        while (System.currentTimeMillis() < end) {
            screen = tmux("capture-pane", "-p", "-J", "-S", "-").out;
            if (screen.contains(marker)) {
                return screen;
            }
            Thread.sleep(200);
        }
        fail("the run did not finish in time; the screen:\n" + screen);
        return screen;
    }

    private record Result(int exitCode, String out) {
    }

    private Result tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("tmux is missing: apt-get install tmux (or skip slow tests: -DexcludedGroups=slow)", e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "tmux " + String.join(" ", args) + " hangs");
        return new Result(process.exitValue(), out);
    }
}
