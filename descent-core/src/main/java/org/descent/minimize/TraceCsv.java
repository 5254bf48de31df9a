package org.descent.minimize;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.descent.DescentException;

/**
 * Writes the iterates of a minimization as CSV, one row per iterate:
 * <pre>
 * iteration,value,gradient_norm,step_size,x1,x2
 * 0,24.2,232.86768775422655,0.0,-1.2,1.0
 * </pre>
 * Values are written with full precision. The file appears atomically: it is written to a
 * temporary file in the same directory and then moved into place, so a reader never sees half a
 * trace and an existing file is replaced only by a complete one.
 */
public final class TraceCsv {
    private TraceCsv() {
    }

    public static void write(Path path, List<Iterate> trace) {
        Path target = path.toAbsolutePath();
        Path directory = target.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(header(trace.isEmpty() ? 0 : trace.get(0).x().length));
                for (Iterate it : trace) {
                    out.write(it.iteration() + "," + it.value() + "," + it.gradientNorm() + "," + it.stepSize());
                    for (double v : it.x()) {
                        out.write("," + v);
                    }
                    out.write("\n");
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteAfterFailure(temporary, e);
            throw new DescentException("cannot write the trace to " + target + ": " + e.getMessage(), e);
        }
    }

    private static String header(int dimension) {
        StringBuilder sb = new StringBuilder("iteration,value,gradient_norm,step_size");
        for (int i = 1; i <= dimension; i++) {
            sb.append(",x").append(i);
        }
        return sb.append('\n').toString();
    }

    private static void deleteAfterFailure(Path temporary, IOException failure) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
