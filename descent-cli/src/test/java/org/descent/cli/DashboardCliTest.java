package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --dashboard and --log, and descent dashboard, from the command line (the page itself: DashboardBrowserTest). */
class DashboardCliTest {
    private static final Pattern EPOCH_LINE = Pattern.compile("^epoch +(\\d+)/\\d+ +loss ([0-9.]+) +val_acc ([0-9.]+)",
            Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void aRunWithTheDashboardPrintsItsAddressAndStopsServingWhenItEnds() throws IOException {
        CliRun run = CliRun.of("train", "--epochs", "2", "--dashboard", "0");
        assertEquals(0, run.exitCode(), run.err());
        Matcher url = Pattern.compile("^dashboard: http://127\\.0\\.0\\.1:(\\d+)/$", Pattern.MULTILINE).matcher(run.out());
        assertTrue(url.find(), run.out());
        assertTrue(run.out().contains("test accuracy"), run.out());
        try (Socket socket = new Socket()) {
            assertThrows(IOException.class, () -> socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    Integer.parseInt(url.group(1))), 2000), "without --dashboard-keep the server ends with the run");
        }
    }

    @Test
    void theLogHoldsOneRowPerEpochWithTheFiguresOfTheEpochLine() throws IOException {
        Path log = dir.resolve("metrics.csv");
        CliRun run = CliRun.of("train", "--epochs", "3", "--log", log.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = Files.readAllLines(log);
        assertEquals("epoch,train_loss,validation_loss,validation_accuracy,gradient_norm,learning_rate,seconds,"
                + "samples_per_second", rows.get(0));
        Matcher line = EPOCH_LINE.matcher(run.out());
        List<String> printed = new ArrayList<>();
        List<String> logged = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            assertTrue(line.find(), run.out());
            printed.add(line.group(1) + " " + line.group(2) + " " + line.group(3));
            logged.add(String.format(Locale.ROOT, "%s %.4f %.4f", cells[0], Double.parseDouble(cells[1]),
                    Double.parseDouble(cells[3])));
        }
        assertEquals(3, logged.size());
        assertEquals(printed, logged);
    }

    @Test
    void dashboardOptionsWithoutDashboardAndBadPortsAreOneLine() throws IOException {
        assertOneLine(CliRun.of("train", "--dashboard-keep"), "descent: --dashboard-keep needs --dashboard [PORT]");
        assertOneLine(CliRun.of("train", "--dashboard-bind", "0.0.0.0"), "descent: --dashboard-bind needs --dashboard [PORT]");
        assertOneLine(CliRun.of("train", "--dashboard", "-1"), "descent: --dashboard -1: a port is 1..65535 (or 0 for a free one)");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertOneLine(CliRun.of("train", "--dashboard", String.valueOf(port)), "descent: port " + port
                    + " on 127.0.0.1 is in use (or not allowed); give another with --dashboard PORT, or --dashboard 0 for a"
                    + " free one");
        }
    }

    @Test
    void theRunsDashboardNeedsAFolderOfLogs() throws IOException {
        assertOneLine(CliRun.of("dashboard", dir.resolve("none").toString()),
                "descent: " + dir.resolve("none") + ": no such folder; give the folder of the runs' --log CSV files");
        assertOneLine(CliRun.of("dashboard", dir.toString()), "descent: " + dir + ": no .csv files; write some with"
                + " descent train --log " + dir.resolve("NAME.csv"));
    }

    private static void assertOneLine(CliRun run, String line) {
        assertEquals(2, run.exitCode(), run.err());
        assertArrayEquals(new String[] {line}, run.errLines(), run.err());
    }
}
