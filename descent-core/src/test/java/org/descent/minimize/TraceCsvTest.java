package org.descent.minimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.descent.DescentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCsvTest {

    @Test
    void oneRowPerIterateAndNothingElseLeftBehind(@TempDir Path dir) throws IOException {
        MinimizationResult r = new Minimizer(MinimizerOptions.of(Method.NEWTON))
                .minimize(Objective.parse(MinimizerTest.LECTURE), new double[] {0, 0, 0});
        Path file = dir.resolve("trace.csv");
        Files.writeString(file, "old content");
        TraceCsv.write(file, r.trace());
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        assertEquals("iteration,value,gradient_norm,step_size,x1,x2,x3", lines.get(0));
        assertEquals("0,0.0,1.4142135623730951,0.0,0.0,0.0,0.0", lines.get(1));
        double[] last = Arrays.stream(lines.get(2).split(",")).mapToDouble(Double::parseDouble).toArray();
        assertArrayEquals(new double[] {1, -1, r.gradientNorm(), 1, -1, -1, -1}, last, 1e-15);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "the temporary file was moved, not left behind");
        }
    }

    @Test
    void unwritableLocationNamesTheFile(@TempDir Path dir) throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        DescentException e = assertThrows(DescentException.class,
                () -> TraceCsv.write(blocker.resolve("trace.csv"), List.of()));
        assertEquals(true, e.getMessage().startsWith("cannot write " + blocker.resolve("trace.csv")), e.getMessage());
    }
}
