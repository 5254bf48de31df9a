package org.descent.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.descent.DescentException;
import org.descent.train.EpochResult;
import org.descent.train.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** descent dashboard DIR: the --log files read back, sent once each and again when they change. */
class SavedRunsTest {
    @TempDir
    Path dir;

    private static final History RUN = History.of(List.of(
            new EpochResult(1, 2.25, 2.0, 0.5, 0.75, 1e-3, 0.5, 1000),
            new EpochResult(2, 1.5, 1.25, 0.75, 0.5, 1e-3, 0.5, 1000)), "completed all epochs");

    @Test
    void aLogReadsBackAsTheEpochsItWasWrittenFrom() throws Exception {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, RUN.toCsv());
        List<Map<String, Object>> rows = SavedRuns.read(file);
        assertEquals(2, rows.size());
        assertEquals(Map.of("epoch", 2.0, "trainLoss", 1.5, "validationLoss", 1.25, "validationAccuracy", 0.75,
                "gradientNorm", 0.5, "learningRate", 1e-3, "seconds", 0.5, "samplesPerSecond", 1000.0), rows.get(1));
    }

    @Test
    void regressionRunsHaveNoAccuracyAndBadFilesSayWhereTheyAreBad() throws Exception {
        Path regression = dir.resolve("r.csv");
        Files.writeString(regression, History.of(List.of(new EpochResult(1, 3, 2, Double.NaN, 1, 0.1, 1, 10)), "x")
                .toCsv());
        assertEquals(null, SavedRuns.read(regression).get(0).get("validationAccuracy"));
        Path notALog = dir.resolve("iris.csv");
        Files.writeString(notALog, "5.1,3.5,1.4,0.2,0\n");
        assertTrue(assertThrows(DescentException.class, () -> SavedRuns.read(notALog)).getMessage()
                .endsWith("iris.csv, line 1: not a log of descent train --log (its header starts with 'epoch,train_loss,...')"));
        Path badNumber = dir.resolve("bad.csv");
        Files.writeString(badNumber, "epoch,train_loss\n1,0.5\n2,abc\n");
        assertTrue(assertThrows(DescentException.class, () -> SavedRuns.read(badNumber)).getMessage()
                .endsWith("bad.csv, line 3, column train_loss: 'abc' is not a number"));
        Path shortRow = dir.resolve("short.csv");
        Files.writeString(shortRow, "epoch,train_loss\n1\n");
        assertTrue(assertThrows(DescentException.class, () -> SavedRuns.read(shortRow)).getMessage()
                .endsWith("short.csv, line 2: 1 values, the header has 2"));
    }

    @Test
    void eachRunIsSentOnceAndAgainWhenItsFileChanges() throws Exception {
        Files.createDirectories(dir.resolve("sgd"));
        Files.writeString(dir.resolve("adam.csv"), RUN.toCsv());
        Files.writeString(dir.resolve("sgd/metrics.csv"), RUN.toCsv());
        Files.writeString(dir.resolve("notes.txt"), "not a run");
        Files.writeString(dir.resolve("broken.csv"), "x,y\n");
        SavedRuns runs = new SavedRuns(dir);
        EventLog log = new EventLog();
        assertEquals(3, runs.refresh(log));
        assertEquals(0, runs.refresh(log), "nothing changed");
        Path adam = dir.resolve("adam.csv");
        Files.writeString(adam, History.of(RUN.epochs().subList(0, 1), "x").toCsv());
        Files.setLastModifiedTime(adam, FileTime.fromMillis(Files.getLastModifiedTime(adam).toMillis() + 5000));
        assertEquals(1, runs.refresh(log));
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> sent = log.from(0, 0).stream().map(e -> {
            try {
                return json.readTree(e.json());
            } catch (Exception x) {
                throw new AssertionError(x);
            }
        }).toList();
        assertEquals(List.of("adam", "broken", "sgd/metrics", "adam"), sent.stream().map(r -> r.get("name").asText())
                .toList());
        assertEquals(2, sent.get(0).get("epochs").size());
        assertTrue(sent.get(1).get("error").asText().contains("not a log of descent train --log"), sent.get(1).toString());
        assertEquals(1, sent.get(3).get("epochs").size(), "the changed file is read again");
    }

    @Test
    void aMissingFolderIsOneClearLine() {
        assertEquals(dir.resolve("nope") + ": no such folder; give the folder of the runs' --log CSV files",
                assertThrows(DescentException.class, () -> new SavedRuns(dir.resolve("nope"))).getMessage());
    }
}
