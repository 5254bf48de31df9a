package org.descent.minimize;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.descent.io.AtomicFiles;

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

    /** Writes the whole trace or nothing (see {@link AtomicFiles}). */
    public static void write(Path path, List<Iterate> trace) {
        StringBuilder out = new StringBuilder(header(trace.isEmpty() ? 0 : trace.get(0).x().length));
        for (Iterate it : trace) {
            out.append(it.iteration()).append(',').append(it.value()).append(',').append(it.gradientNorm())
                    .append(',').append(it.stepSize());
            for (double v : it.x()) {
                out.append(',').append(v);
            }
            out.append('\n');
        }
        AtomicFiles.write(path, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String header(int dimension) {
        StringBuilder sb = new StringBuilder("iteration,value,gradient_norm,step_size");
        for (int i = 1; i <= dimension; i++) {
            sb.append(",x").append(i);
        }
        return sb.append('\n').toString();
    }
}
