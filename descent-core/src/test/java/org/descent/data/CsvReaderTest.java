package org.descent.data;

import static org.descent.data.IdxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.descent.DescentException;
import org.descent.tensor.Shape;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void headerAndLabelInLastColumn() throws IOException {
        Path f = file("a.csv", "x,y,class\n1.5,2,1\n\n-3,4e1,0\n0,0,2\n");
        Dataset data = CsvReader.comma().withHeader(true).readClassification(f);
        assertEquals(3, data.size());
        assertEquals(2, data.featureCount());
        assertEquals(3, data.classes());
        assertArrayEquals(new int[] {1, 0, 2}, data.labels());
        assertArrayEquals(new double[] {1.5, 2, -3, 40, 0, 0}, data.features().toDoubleArray(), 0.0);
        assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0, 0, 0, 1}, data.targets().toDoubleArray(), 0.0);
    }

    @Test
    void quotedFieldsMayHoldTheSeparatorAndQuotes() throws IOException {
        Path f = file("q.csv", "\"width, cm\",\"the \"\"class\"\"\"\n\"1.5\", 1\n 2 ,\"0\"\n");
        Dataset data = CsvReader.comma().withHeader(true).readClassification(f);
        assertArrayEquals(new double[] {1.5, 2}, data.features().toDoubleArray(), 0.0);
        assertArrayEquals(new int[] {1, 0}, data.labels());
        Path bad = file("bad.csv", "1,2\n3,\"4\n");
        DescentException e = assertThrows(DescentException.class, () -> CsvReader.comma().readClassification(bad));
        assertEquals("bad.csv: row 2: a quoted field is not closed on its line (fields spanning several lines are not supported)",
                e.getMessage());
        Path named = file("named.csv", "\"a,b\",c\nx,1\n");
        e = assertThrows(DescentException.class, () -> CsvReader.comma().withHeader(true).readClassification(named));
        assertEquals("named.csv: row 2, column 1 (a,b): 'x' is not a number", e.getMessage());
    }

    @Test
    void labelColumnFirstOrCountedFromTheEnd() throws IOException {
        Path f = file("b.csv", "2, 10, 20, 30\n0, 11, 21, 31\n");
        Dataset first = CsvReader.comma().withLabelColumn(0).readClassification(f);
        assertArrayEquals(new int[] {2, 0}, first.labels());
        assertArrayEquals(new double[] {10, 20, 30, 11, 21, 31}, first.features().toDoubleArray(), 0.0);
        Dataset regression = CsvReader.comma().withLabelColumn(-2).readRegression(f);
        assertArrayEquals(new double[] {20, 21}, regression.targets().toDoubleArray(), 0.0);
        assertArrayEquals(new double[] {2, 10, 30, 0, 11, 31}, regression.features().toDoubleArray(), 0.0);
    }

    @Test
    void whitespaceSeparatedGzipRegressionPair() throws IOException {
        Path x = Files.write(dir.resolve("x.txt"), IdxFiles.gzip("1 2\t3\n  4 5 6\n".getBytes(StandardCharsets.UTF_8)));
        Path y = file("y.txt", "7.5\n-8\n");
        Dataset data = CsvReader.whitespace().readRegression(x, y);
        assertEquals(Shape.of(2, 3), data.features().shape());
        assertArrayEquals(new double[] {7.5, -8}, data.targets().toDoubleArray(), 0.0);
        Path shortY = file("short.txt", "1\n");
        DescentException e = assertThrows(DescentException.class, () -> CsvReader.whitespace().readRegression(x, shortY));
        assertEquals("x.txt has 2 rows but short.txt has 1; feature and target files must match row by row", e.getMessage());
    }

    @Test
    void sklearnFirstLineGivesClassNamesAndIsChecked() throws IOException {
        Path f = file("iris.csv", "3,2,setosa,versicolor,virginica\n1,2,0\n3,4,2\n5,6,0\n");
        Dataset data = CsvReader.comma().readClassification(f);
        assertEquals(3, data.classes());
        assertEquals(List.of("setosa", "versicolor", "virginica"), data.classNames());
        assertArrayEquals(new int[] {0, 2, 0}, data.labels());

        Path wrong = file("bad.csv", "4,2,a,b\n1,2,0\n3,4,1\n");
        DescentException e = assertThrows(DescentException.class, () -> CsvReader.comma().readClassification(wrong));
        assertEquals("bad.csv: the first line announces 4 samples of 2 features plus a label column, "
                + "but the file has 2 rows of 3 columns", e.getMessage());
        Path unnamed = file("c.csv", "2,2,a,b\n1,2,0\n3,4,2\n");
        e = assertThrows(DescentException.class, () -> CsvReader.comma().readClassification(unnamed));
        assertEquals("c.csv: row 3, column 3: label 2 but the first line names only 2 classes [a, b]", e.getMessage());
    }

    @Test
    void missingValueNamesFileRowAndColumn() throws IOException {
        Path f = file("m.csv", "a,b,label\n1,2,0\n3,,1\n");
        DescentException e = assertThrows(DescentException.class, () -> CsvReader.comma().withHeader(true).readClassification(f));
        assertEquals("m.csv: row 3, column 2 (b): missing value", e.getMessage());
    }

    @Test
    void textInNumericColumn() throws IOException {
        Path f = file("t.csv", "1,2,0\n\n3,four,1\n");
        DescentException e = assertThrows(DescentException.class, () -> CsvReader.comma().readClassification(f));
        assertEquals("t.csv: row 3, column 2: 'four' is not a number", e.getMessage());
        Path nan = file("n.csv", "1,NaN,0\n");
        e = assertThrows(DescentException.class, () -> CsvReader.comma().readRegression(nan));
        assertEquals("n.csv: row 1, column 2: 'NaN' is not a finite number", e.getMessage());
    }

    @Test
    void raggedRowsAndBadLabels() throws IOException {
        Path ragged = file("r.csv", "1,2,0\n3,1\n");
        DescentException e = assertThrows(DescentException.class, () -> CsvReader.comma().readClassification(ragged));
        assertEquals("r.csv: row 2 has 2 columns, expected 3 like row 1", e.getMessage());

        Path real = file("l.csv", "1,2,0\n3,4,0.5\n");
        e = assertThrows(DescentException.class, () -> CsvReader.comma().readClassification(real));
        assertMessage(e, "l.csv: row 2, column 3: label 0.5 is not a whole number", "readRegression");

        Path negative = file("neg.csv", "1,-1\n");
        e = assertThrows(DescentException.class, () -> CsvReader.comma().readClassification(negative));
        assertMessage(e, "neg.csv: row 1, column 2: label -1.0 is not a whole number in 0..65535");

        e = assertThrows(DescentException.class, () -> CsvReader.comma().withLabelColumn(3).readClassification(real));
        assertEquals("l.csv: label column 3 is outside the 3 columns (0..2, or -1 for the last)", e.getMessage());
    }

    @Test
    void emptyAndAbsentFiles() throws IOException {
        Path empty = file("e.csv", "x,y\n");
        DescentException e = assertThrows(DescentException.class, () -> CsvReader.comma().withHeader(true).readRegression(empty));
        assertEquals("e.csv: no data rows", e.getMessage());
        Path absent = dir.resolve("absent.csv");
        e = assertThrows(DescentException.class, () -> CsvReader.comma().readRegression(absent));
        assertEquals(absent + ": no such file", e.getMessage());
    }

    @Test
    void otherSeparator() throws IOException {
        Path f = file("s.csv", "1;2;1\n3;4;0\n");
        Dataset data = CsvReader.comma().withSeparator(';').readClassification(f);
        assertArrayEquals(new int[] {1, 0}, data.labels());
    }

    @Test
    void aByteOrderMarkAtTheStartIsSkipped() throws IOException {
        // Excel's "CSV UTF-8" starts the file with EF BB BF.
        Path f = file("excel.csv", "\uFEFF0.5,2,1\n3,4,0\n");
        Dataset data = CsvReader.comma().readClassification(f);
        assertArrayEquals(new double[] {0.5, 2, 3, 4}, data.features().toDoubleArray(), 0.0);
        Path named = file("excel-header.csv", "\uFEFFa,b\n1,2\n");
        Dataset withHeader = CsvReader.comma().withHeader(true).readRegression(named);
        assertArrayEquals(new double[] {2}, withHeader.targets().toDoubleArray(), 0.0);
        Path inside = file("inside.csv", "1,2\n\uFEFF3,4\n");
        DescentException e = assertThrows(DescentException.class, () -> CsvReader.comma().readRegression(inside));
        assertEquals("inside.csv: row 2, column 1: '\uFEFF3' is not a number", e.getMessage());
    }

    @Test
    void readsStreamsAndFilesThatCannotSeek() throws Exception {
        Tensor x = CsvReader.comma().readFeatures("stdin",
                new java.io.ByteArrayInputStream("1,2\n3,4\n".getBytes(StandardCharsets.UTF_8)), 2);
        assertArrayEquals(new double[] {1, 2, 3, 4}, x.toDoubleArray(), 0.0);
        // A named pipe, as /dev/stdin is when the input is piped: it cannot seek.
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "5,6,1\n7,8,0\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        Dataset data = CsvReader.comma().readClassification(fifo);
        writer.join();
        assertArrayEquals(new int[] {1, 0}, data.labels());
    }
}
