package org.descent.data;

import java.util.Arrays;
import java.util.List;
import org.descent.DescentException;
import org.descent.Sizes;

/**
 * The data rows of a {@link CsvTable} as they are read: every value parsed and checked at once
 * into one flat array that doubles as it fills, with each row's line number, so that no copy of
 * the text is kept and errors can still name file, row and column.
 */
final class CsvRows {
    /** 10^k for k ≤ 15, all exact doubles. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};

    private final String name;
    private final List<String> columnNames;
    int width = -1;
    int firstLine;
    int rows;
    double[] values = new double[64];
    int[] lines = new int[16];

    CsvRows(String name, List<String> columnNames) {
        this.name = name;
        this.columnNames = columnNames;
    }

    /** Adds the row of {@code fields} read from {@code line}, each value checked. */
    void add(String[] fields, int line) {
        if (width < 0) {
            width = fields.length;
            firstLine = line;
            if (columnNames != null && columnNames.size() < width) {
                throw new DescentException(name + ": the header line names " + columnNames.size() + " column"
                        + (columnNames.size() == 1 ? "" : "s") + " but row " + line + " has " + width
                        + "; give every column a name, or drop --header if the first line is data");
            }
        }
        if (fields.length != width) {
            throw new DescentException(name + ": row " + line + " has " + fields.length + " columns, expected "
                    + width + " like row " + firstLine);
        }
        long end = (long) (rows + 1) * width;
        if (end > values.length) {
            values = Arrays.copyOf(values, Sizes.elements(name + ": " + (rows + 1) + " rows of " + width + " values",
                    Math.max(end, Math.min(Sizes.MAX_ELEMENTS, 2L * values.length))));
        }
        if (rows == lines.length) {
            lines = Arrays.copyOf(lines, Sizes.elements(name + ": rows", 2L * lines.length));
        }
        for (int c = 0; c < width; c++) {
            values[rows * width + c] = number(fields[c], line, c);
        }
        lines[rows++] = line;
    }

    private double number(String field, int line, int column) {
        if (field.isEmpty()) {
            throw new DescentException(where(name, line, column, columnNames) + ": missing value");
        }
        double value = plainDecimal(field);
        try {
            value = Double.isNaN(value) ? Double.parseDouble(field) : value;
        } catch (NumberFormatException e) {
            throw new DescentException(where(name, line, column, columnNames) + ": '" + shortened(field) + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new DescentException(where(name, line, column, columnNames) + ": '" + shortened(field) + "' is not a finite number");
        }
        return value;
    }

    /**
     * The value of a plain decimal such as {@code -12}, {@code 0.25} or {@code 3.}: an optional
     * sign, at most 15 digits and at most one point; NaN for anything else (then
     * {@link Double#parseDouble}, which allocates about 100 bytes per call, decides). Exact as
     * {@code parseDouble}: the digits m form an integer below 10<sup>15</sup> and there are k ≤
     * 15 decimals, so m and 10<sup>k</sup> are exact doubles and m / 10<sup>k</sup>, one IEEE
     * division, is the correctly rounded value (Clinger's fast path).
     */
    static double plainDecimal(String field) {
        int i = field.charAt(0) == '-' || field.charAt(0) == '+' ? 1 : 0;
        long digits = 0;
        int count = 0;
        int point = -1;
        for (; i < field.length(); i++) {
            char ch = field.charAt(i);
            if (ch >= '0' && ch <= '9' && count < 15) {
                digits = 10 * digits + (ch - '0');
                count++;
            } else if (ch == '.' && point < 0) {
                point = count;
            } else {
                return Double.NaN;
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        double value = point < 0 || point == count ? digits : digits / POWERS_OF_TEN[count - point];
        return field.charAt(0) == '-' ? -value : value;
    }

    /** A field as an error message quotes it: at most 40 characters, so that a line of a megabyte stays readable. */
    static String shortened(String field) {
        return field.length() <= 40 ? field : field.substring(0, 37) + "… (" + field.length() + " characters)";
    }

    /** "file: row 7, column 3 (name)" with the 1-based line number and column; built only for an error. */
    static String where(String name, int line, int column, List<String> columnNames) {
        return name + ": row " + line + ", column " + (column + 1)
                + (columnNames != null ? " (" + columnNames.get(column) + ")" : "");
    }
}
