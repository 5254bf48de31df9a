package org.descent.cli;

import java.util.Arrays;
import org.descent.DescentException;

/**
 * Contour lines f(x, y) = c of a function sampled on a grid, by marching squares. Each grid cell
 * with corners a = f(x_i, y_j), b = f(x_{i+1}, y_j), c = f(x_{i+1}, y_{j+1}), d = f(x_i, y_{j+1})
 * is crossed by the level on every edge whose two ends lie on opposite sides of it, at the
 * linearly interpolated point x_i + t·(x_{i+1} − x_i) with t = (level − a) / (b − a). Two
 * crossings make one segment; four (a saddle cell) make two, paired by the cell's mean value.
 * Cells with a non-finite corner are skipped.
 */
final class ContourLines {
    private ContourLines() {
    }

    /**
     * The segments of the level line f = {@code level}, as x and y coordinates: two points per
     * segment, segments separated by NaN (a gap for a line chart).
     *
     * @param xs grid abscissas, ascending
     * @param ys grid ordinates, ascending
     * @param values f at the grid points, values[i][j] = f(xs[i], ys[j])
     */
    static double[][] segments(double[] xs, double[] ys, double[][] values, double level) {
        if (values.length != xs.length || values[0].length != ys.length || xs.length < 2 || ys.length < 2) {
            throw new DescentException("contour grid of " + values.length + "×" + values[0].length
                    + " values does not fit " + xs.length + "×" + ys.length + " coordinates (at least 2×2)");
        }
        double[] outX = new double[16];
        double[] outY = new double[16];
        int count = 0;
        double[] cx = new double[4];
        double[] cy = new double[4];
        for (int i = 0; i + 1 < xs.length; i++) {
            for (int j = 0; j + 1 < ys.length; j++) {
                double a = values[i][j];
                double b = values[i + 1][j];
                double c = values[i + 1][j + 1];
                double d = values[i][j + 1];
                if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
                    continue;
                }
                // Edges in order: bottom (a-b), right (b-c), top (d-c), left (a-d); crossing k at (cx[k], cy[k]).
                boolean[] crossed = {
                    crossing(level, a, b, xs[i], xs[i + 1], ys[j], ys[j], cx, cy, 0),
                    crossing(level, b, c, xs[i + 1], xs[i + 1], ys[j], ys[j + 1], cx, cy, 1),
                    crossing(level, d, c, xs[i], xs[i + 1], ys[j + 1], ys[j + 1], cx, cy, 2),
                    crossing(level, a, d, xs[i], xs[i], ys[j], ys[j + 1], cx, cy, 3)};
                int[] pairs = pairs(crossed, (a + b + c + d) / 4 < level, a < level);
                for (int p = 0; p + 1 < pairs.length; p += 2) {
                    if (count + 3 > outX.length) {
                        outX = Arrays.copyOf(outX, 2 * outX.length);
                        outY = Arrays.copyOf(outY, 2 * outY.length);
                    }
                    outX[count] = cx[pairs[p]];
                    outY[count++] = cy[pairs[p]];
                    outX[count] = cx[pairs[p + 1]];
                    outY[count++] = cy[pairs[p + 1]];
                    outX[count] = Double.NaN;
                    outY[count++] = Double.NaN;
                }
            }
        }
        return new double[][] {Arrays.copyOf(outX, count), Arrays.copyOf(outY, count)};
    }

    /** Whether the level lies between v0 and v1 (exactly one below it); if so, stores the point in slot k. */
    private static boolean crossing(double level, double v0, double v1, double x0, double x1, double y0, double y1,
                                    double[] cx, double[] cy, int k) {
        if ((v0 < level) == (v1 < level)) {
            return false;
        }
        double t = (level - v0) / (v1 - v0);
        cx[k] = x0 + t * (x1 - x0);
        cy[k] = y0 + t * (y1 - y0);
        return true;
    }

    /**
     * The crossed edges, paired into segments. With four crossings, if the centre lies on the same
     * side as corner a, a's region joins c's and the lines cut off corners b (bottom-right) and d
     * (top-left); otherwise they cut off a (bottom-left) and c (right-top).
     */
    private static int[] pairs(boolean[] crossed, boolean centreBelow, boolean aBelow) {
        int n = 0;
        int[] edges = new int[4];
        for (int k = 0; k < 4; k++) {
            if (crossed[k]) {
                edges[n++] = k;
            }
        }
        if (n == 2) {
            return new int[] {edges[0], edges[1]};
        }
        if (n == 4) {
            return centreBelow == aBelow ? new int[] {0, 1, 2, 3} : new int[] {0, 3, 1, 2};
        }
        return new int[0];
    }

    /**
     * Up to {@code count} distinct levels: the quantiles q_k = (k / (count + 1))², k = 1 … count, of
     * the finite values. Squaring packs the levels toward the bottom: for a bowl, where the share of
     * the area below level c grows like c ∝ r², the level lines are rings of evenly spaced radii.
     */
    static double[] levels(double[][] values, int count) {
        double[] finite = Arrays.stream(values).flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted()
                .toArray();
        if (finite.length == 0) {
            return new double[0];
        }
        return java.util.stream.IntStream.rangeClosed(1, count)
                .mapToDouble(k -> finite[(int) Math.round(Math.pow((double) k / (count + 1), 2) * (finite.length - 1))])
                .distinct().toArray();
    }
}
