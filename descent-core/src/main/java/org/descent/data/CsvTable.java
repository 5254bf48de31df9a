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
    final double[][] rows;
    final int[] lines;

    private CsvTable(String name, List<String> columnNames, List<String> classNames, int width,
                     double[][] rows, int[] lines) {
        this.name = name;
        this.columnNames = columnNames;
        this.announcedClassNames = classNames;
        this.width = width;
        this.rows = rows;
        this.lines = lines;
    }

    /** @param separator a separator character, or null for any run of whitespace */
    static CsvTable parse(String name, InputStream stream, Character separator, boolean header) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(decompressed(stream), StandardCharsets.UTF_8))) {
            List<String[]> lines = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            String line;
            for (int number = 1; (line = reader.readLine()) != null; number++) {
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);  // a UTF-8 byte order mark, as Excel's "CSV UTF-8" writes
                }
                if (!line.isBlank()) {
                    lines.add(split(line, separator, name, number));
                    numbers.add(number);
                }
            }
            return build(name, lines, numbers, header);
        } catch (IOException e) {
            throw new DescentException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static CsvTable build(String name, List<String[]> lines, List<Integer> numbers, boolean header) {
        List<String> columnNames = header && !lines.isEmpty() ? List.of(lines.get(0)) : null;
        SklearnHeader announced = header ? null : SklearnHeader.detect(lines);
        int first = header || announced != null ? 1 : 0;
        if (lines.size() <= first) {
            throw new DescentException(name + ": no data rows");
        }
        int width = lines.get(first).length;
        double[][] rows = new double[lines.size() - first][];
        int[] lineNumbers = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            String[] fields = lines.get(first + r);
            int line = numbers.get(first + r);
            if (fields.length != width) {
                throw new DescentException(name + ": row " + line + " has " + fields.length + " columns, expected "
                        + width + " like row " + numbers.get(first));
            }
            rows[r] = new double[width];
            for (int c = 0; c < width; c++) {
                rows[r][c] = number(name, fields[c], line, c, columnNames);
            }
            lineNumbers[r] = line;
        }
        if (announced != null) {
            announced.check(name, rows.length, width);
        }
        return new CsvTable(name, columnNames, announced == null ? null : announced.classNames(), width, rows, lineNumbers);
    }

    private static double number(String name, String field, int line, int column, List<String> columnNames) {
        String where = where(name, line, column, columnNames);
        if (field.isEmpty()) {
            throw new DescentException(where + ": missing value");
        }
        double value;
        try {
            value = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new DescentException(where + ": '" + field + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new DescentException(where + ": '" + field + "' is not a finite number");
        }
        return value;
    }

    /**
     * The fields of one line, stripped of surrounding blanks. With a separator character, a field
     * may be enclosed in double quotes (RFC 4180), which may hold the separator, and {@code ""}
     * stands for one quote; a quoted field that does not end on its line is refused.
     */
    private static String[] split(String line, Character separator, String name, int number) {
        if (separator == null) {
            return WHITESPACE.split(line.strip());
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
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
            } else if (ch == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else {
                field.append(ch);
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
        float[] out = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0, k = 0; c < width; c++) {
                if (c != skip) {
                    out[r * cols + k++] = (float) rows[r][c];
                }
            }
        }
        return Tensor.of(out, rows.length, cols);
    }

    /** Where the value in data row r (0-based), column c (0-based) is, for error messages. */
    String where(int r, int c) {
        return where(name, lines[r], c, columnNames);
    }

    /** "file: row 7, column 3 (name)" with the 1-based line number and column. */
    private static String where(String name, int line, int column, List<String> columnNames) {
        return name + ": row " + line + ", column " + (column + 1)
                + (columnNames != null ? " (" + columnNames.get(column) + ")" : "");
    }
}
