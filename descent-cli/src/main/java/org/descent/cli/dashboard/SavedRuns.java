package org.descent.cli.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.descent.DescentException;

/**
 * The runs saved by {@code descent train --log} under a folder: every {@code *.csv} in it or one
 * level down, read by its header ({@code epoch,train_loss,validation_loss,...}), each sent as a
 * {@code run} event named by its path. {@link #refresh} sends a run again when its file changed,
 * so the page follows runs that are still training.
 */
final class SavedRuns {
    private static final Map<String, String> KEYS = Map.of("epoch", "epoch", "train_loss", "trainLoss",
            "validation_loss", "validationLoss", "validation_accuracy", "validationAccuracy", "gradient_norm",
            "gradientNorm", "learning_rate", "learningRate", "seconds", "seconds", "samples_per_second",
            "samplesPerSecond");

    private final Path folder;
    private final Map<Path, String> versions = new HashMap<>();

    SavedRuns(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new DescentException(folder + ": no such folder; give the folder of the runs' --log CSV files");
        }
        this.folder = folder;
    }

    /** The CSV files under the folder (and one level down), sorted. */
    List<Path> files() {
        try (Stream<Path> paths = Files.walk(folder, 2)) {
            return paths.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new DescentException("cannot list " + folder + ": " + e.getMessage());
        }
    }

    /**
     * Sends a {@code run} event for each file that is new or changed since the last call; returns
     * how many. A file that cannot be read as a log is sent as a run with an {@code error}.
     */
    int refresh(EventLog log) {
        int sent = 0;
        for (Path file : files()) {
            String version;
            try {
                version = Files.getLastModifiedTime(file) + "/" + Files.size(file);
            } catch (IOException e) {
                continue;   // deleted between the listing and now
            }
            if (version.equals(versions.put(file, version))) {
                continue;
            }
            String name = folder.relativize(file).toString().replaceFirst("(?i)\\.csv$", "");
            Map<String, Object> run = Json.object("name", name);
            try {
                run.put("epochs", read(file));
            } catch (DescentException e) {
                run.put("error", e.getMessage());
            }
            log.append("run", Json.write(run));
            sent++;
        }
        return sent;
    }

    /** The rows of one log, as objects keyed by the page's names (camelCase); "NaN" becomes null. */
    static List<Map<String, Object>> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DescentException("cannot read " + file + ": " + e.getMessage());
        }
        if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").startsWith("epoch,")) {
            throw new DescentException(file + ", line 1: not a log of descent train --log (its header starts with"
                    + " 'epoch,train_loss,...')");
        }
        String[] header = lines.get(0).replace("\uFEFF", "").split(",");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            String[] cells = lines.get(n).split(",", -1);
            if (cells.length != header.length) {
                throw new DescentException(file + ", line " + (n + 1) + ": " + cells.length + " values, the header has "
                        + header.length);
            }
            Map<String, Object> row = Json.object();
            for (int c = 0; c < cells.length; c++) {
                String key = KEYS.getOrDefault(header[c].trim(), header[c].trim());
                row.put(key, number(cells[c].trim(), file, n + 1, header[c]));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Double number(String text, Path file, int line, String column) {
        try {
            double x = Double.parseDouble(text);
            return Json.number(x);
        } catch (NumberFormatException e) {
            throw new DescentException(file + ", line " + line + ", column " + column + ": '" + text
                    + "' is not a number");
        }
    }
}
