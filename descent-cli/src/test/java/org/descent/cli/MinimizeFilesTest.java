package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code descent minimize --trace} and {@code --plot}. */
class MinimizeFilesTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path folder;

    @Test
    void traceHasOneRowPerIterate() throws IOException {
        Path csv = folder.resolve("trace.csv");
        CliRun run = CliRun.of("minimize", "x1^2 + 2*x2^2", "--method", "gd", "--lr", "0.1", "--start=1,1",
                "--trace", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("iteration,value,gradient_norm,step_size,x1,x2", lines.get(0));
        String stopped = run.field("stopped:");
        int iterations = Integer.parseInt(stopped.replaceAll(".* after (\\d+) iterations.*", "$1"));
        assertEquals(iterations + 2, lines.size(), "header plus x_0 … x_k");
        assertArrayEquals(new double[] {0, 3, Math.sqrt(20), 0, 1, 1}, row(lines.get(1)), 1e-15);
        // x_1 = x_0 − 0.1·∇f(x_0) = (1, 1) − 0.1·(2, 4)
        assertArrayEquals(new double[] {1, 0.8 * 0.8 + 2 * 0.6 * 0.6, Math.hypot(1.6, 2.4), 0.1, 0.8, 0.6},
                row(lines.get(2)), 1e-15);
        for (int k = 1; k < lines.size(); k++) {
            double[] r = row(lines.get(k));
            assertEquals(k - 1, (int) r[0]);
            assertEquals(r[4] * r[4] + 2 * r[5] * r[5], r[1], 1e-15);
        }
        assertArrayEquals(new String[] {"trace.csv"}, Files.list(folder).map(p -> p.getFileName().toString())
                .toArray(String[]::new), "no temporary file is left behind");
    }

    private static double[] row(String line) {
        return Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void plotWritesAPngOfTheIterates() throws IOException {
        Path png = folder.resolve("path.png");
        CliRun run = CliRun.of("minimize", "(1-x1)^2 + 100*(x2-x1^2)^2", "--start=-1.2,1", "--plot", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote " + png), run.out());
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 8));
        assertTrue(bytes.length > 10_000, "a chart, not an empty image: " + bytes.length + " bytes");
        assertEquals(1, Files.list(folder).count(), "no temporary file is left behind");
    }

    @Test
    void aFailedRunLeavesAnExistingPlotUntouched() throws IOException {
        Path png = folder.resolve("old.png");
        byte[] old = {1, 2, 3};
        Files.write(png, old);
        CliRun run = CliRun.of("minimize", "x1^2 + x2^2 + x3^2", "--plot", png.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertArrayEquals(old, Files.readAllBytes(png));
    }

    @Test
    void aPlotInAMissingFolderFailsBeforeMinimizing() {
        Path png = folder.resolve("missing").resolve("path.png");
        CliRun run = CliRun.of("minimize", "x1^2 + x2^2", "--plot", png.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("descent: cannot write " + png), run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnwritableDestinationIsOneLineAndLeavesItIntact() throws IOException {
        Path destination = Files.createDirectory(folder.resolve("taken.png"));
        Files.write(destination.resolve("inside.txt"), new byte[] {7});
        CliRun run = CliRun.of("minimize", "x1^2 + x2^2", "--start=1,1", "--plot", destination.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertEquals("descent: cannot write " + destination + ": it is a directory; give a file name", run.errLines()[0]);
        assertEquals("", run.out(), "checked before minimizing");
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(destination.resolve("inside.txt")));
        assertEquals(1, Files.list(folder).count(), "no temporary file is left behind");
    }
}
