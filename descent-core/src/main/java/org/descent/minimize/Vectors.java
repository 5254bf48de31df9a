package org.descent.minimize;

import java.util.Locale;

/** Small dense vector and matrix helpers, and their formatting for reports. */
final class Vectors {
    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** a + alpha·b, as a new array. */
    static double[] addScaled(double[] a, double alpha, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + alpha * b[i];
        }
        return out;
    }

    static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** A value with 6 significant digits, and −0 printed as 0. */
    static String format(double v) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s.replaceFirst("\\.?0+e", "e");
        }
        return s.contains(".") ? s.replaceFirst("\\.?0+$", "") : s;
    }

    /** (a, b, c) */
    static String format(double[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(format(v[i]));
        }
        return sb.append(')').toString();
    }

    /** One row per line, columns right-aligned, each line starting with {@code indent}. */
    static String format(double[][] m, String indent) {
        int width = 1;
        for (double[] row : m) {
            for (double v : row) {
                width = Math.max(width, format(v).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m.length; i++) {
            sb.append(indent).append('[');
            for (int j = 0; j < m[i].length; j++) {
                String cell = format(m[i][j]);
                sb.append(j > 0 ? "  " : "").append(" ".repeat(width - cell.length())).append(cell);
            }
            sb.append(']').append(i + 1 < m.length ? "\n" : "");
        }
        return sb.toString();
    }
}
