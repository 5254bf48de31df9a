package org.descent.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * A numeric table parsed from delimited text: every value checked, every row remembering its
 * line number so that errors can name file, row and column. Blank lines are skipped, and so is a
 * UTF-8 byte order mark at the start.
 */
final class CsvTable {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    final String name;
    final List<String> columnNames;
    /** Class names from an sklearn-style first line ({@code 150,4,setosa,...}), or null. */
    final List<String> announcedClassNames;
    final int width;
    /** The number of data rows. */
    final int rows;
    /** The values row by row, {@code rows × width}. */
    private final double[] values;
    private final int[] lines;

    private CsvTable(String name, List<String> columnNames, List<String> classNames, int width, int rows,
                     double[] values, int[] lines) {
        this.name = name;
        this.columnNames = columnNames;
        this.announcedClassNames = classNames;
        this.width = width;
        this.rows = rows;
        this.values = values;
        this.lines = lines;
    }

    /**
     * Parses as it reads: the values go straight into one flat array that grows as rows arrive
     * (no copy of the text is kept), so memory is a small multiple of the numbers, whatever the
     * compression ratio of the file.
     *
     * @param separator a separator character, or null for any run of whitespace
     */
    static CsvTable parse(String name, InputStream stream, Character separator, boolean header) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(decompressed(stream), StandardCharsets.UTF_8))) {
            List<String[]> firstLines = new ArrayList<>(2);
            List<Integer> firstNumbers = new ArrayList<>(2);
            String line;
            int number = 1;
            List<String> fields = new ArrayList<>();   // reused line after line
            for (; firstLines.size() < 2 && (line = reader.readLine()) != null; number++) {
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);  // a UTF-8 byte order mark, as Excel's "CSV UTF-8" writes
                }
                if (!line.isBlank()) {
                    firstLines.add(split(line, separator, name, number, fields));
                    firstNumbers.add(number);
                }
            }
            List<String> columnNames = header && !firstLines.isEmpty() ? List.of(firstLines.get(0)) : null;
            SklearnHeader announced = header ? null : SklearnHeader.detect(firstLines);
            int first = header || announced != null ? 1 : 0;
            CsvRows table = new CsvRows(name, columnNames);
            for (int i = first; i < firstLines.size(); i++) {
                table.add(firstLines.get(i), firstNumbers.get(i));
            }
            for (; (line = reader.readLine()) != null; number++) {
                if (!line.isBlank()) {
                    table.add(split(line, separator, name, number, fields), number);
                }
            }
            if (table.rows == 0) {
                throw new DescentException(name + ": no data rows");
            }
            if (announced != null) {
                announced.check(name, table.rows, table.width);
            }
            return new CsvTable(name, columnNames, announced == null ? null : announced.classNames(), table.width,
                    table.rows, table.values, table.lines);
        } catch (IOException e) {
            throw new DescentException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** The value in data row r, column c (both 0-based). */
    double value(int r, int c) {
        return values[r * width + c];
    }

    /**
     * The fields of one line, stripped of surrounding blanks. With a separator character, a field
     * may be enclosed in double quotes (RFC 4180), which may hold the separator, and {@code ""}
     * stands for one quote; a quoted field that does not end on its line is refused. {@code fields}
     * is a list to reuse for the fields (it grows once to the line's width, not on every line).
     */
    private static String[] split(String line, Character separator, String name, int number, List<String> fields) {
        if (separator == null) {
            return WHITESPACE.split(line.strip());
        }
        fields.clear();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean blank = true;       // the field so far is only blanks: a quote here opens a quoted field
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch != '"') {
                    field.append(ch);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (ch == separator) {
                fields.add(field.toString().strip());
                field.setLength(0);
                blank = true;
            } else if (ch == '"' && blank) {
                quoted = true;
                blank = false;
                field.setLength(0);
            } else {
                field.append(ch);
                blank &= Character.isWhitespace(ch);
            }
        }
        if (quoted) {
            throw new DescentException(name + ": row " + number + ": a quoted field is not closed on its line"
                    + " (fields spanning several lines are not supported)");
        }
        fields.add(field.toString().strip());
        return fields.toArray(new String[0]);
    }

    private static InputStream decompressed(InputStream stream) throws IOException {
        BufferedInputStream in = new BufferedInputStream(stream, 1 << 16);
        return Gzip.detect(in) ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** Column {@code column} normalized: negative counts from the end; checked against the width. */
    int column(int column, String role) {
        int c = column < 0 ? width + column : column;
        if (c < 0 || c >= width) {
            throw new DescentException(name + ": " + role + " column " + column + " is outside the " + width
                    + " columns (0.." + (width - 1) + ", or -1 for the last)");
        }
        return c;
    }

    /** All columns except {@code skip} (−1 for none) as float32 [rows, width or width − 1]. */
    Tensor matrix(int skip) {
        int cols = skip >= 0 ? width - 1 : width;
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0, k = 0; c < width; c++) {
                if (c != skip) {
                    out[r * cols + k++] = (float) values[r * width + c];
                }
            }
        }
        return Tensor.of(out, rows, cols);
    }

    /** Where the value in data row r (0-based), column c (0-based) is, for error messages. */
    String where(int r, int c) {
        return CsvRows.where(name, lines[r], c, columnNames);
    }
}
