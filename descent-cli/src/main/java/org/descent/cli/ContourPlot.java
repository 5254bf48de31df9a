package org.descent.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.descent.DescentException;
import org.descent.minimize.Iterate;
import org.descent.minimize.Objective;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The iterates of a minimization in two variables drawn over contour lines of f: f is sampled
 * on a {@value #GRID}×{@value #GRID} grid over the iterates' bounding box (plus a margin), and
 * {@value #LEVELS} level lines at quantiles of the sampled values (denser toward the bottom,
 * see {@link ContourLines#levels}) are traced by {@link ContourLines}, colored from blue (low) to
 * yellow (high).
 */
final class ContourPlot {
    static final int GRID = 101;
    static final int LEVELS = 12;
    private static final double MARGIN = 0.25;

    private ContourPlot() {
    }

    static void draw(Objective f, List<Iterate> trace, Path png) {
        if (f.dimension() != 2) {
            throw new DescentException("a contour plot needs a function of two variables, got " + f.dimension());
        }
        double[] path1 = trace.stream().mapToDouble(it -> it.x()[0]).toArray();
        double[] path2 = trace.stream().mapToDouble(it -> it.x()[1]).toArray();
        double[] xs = axis(path1);
        double[] ys = axis(path2);
        double[][] values = new double[GRID][GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                values[i][j] = f.value(new double[] {xs[i], ys[j]});
            }
        }
        XYChart chart = new XYChartBuilder().width(800).height(600).title("f = " + f.description())
                .xAxisTitle("x1").yAxisTitle("x2").build();
        chart.getStyler().setXAxisMin(xs[0]).setXAxisMax(xs[GRID - 1]).setYAxisMin(ys[0]).setYAxisMax(ys[GRID - 1]);
        chart.getStyler().setPlotGridLinesVisible(false);
        double[] levels = ContourLines.levels(values, LEVELS);
        for (int k = 0; k < levels.length; k++) {
            double[][] line = ContourLines.segments(xs, ys, values, levels[k]);
            if (line[0].length == 0) {
                continue;
            }
            XYSeries series = chart.addSeries(String.format(Locale.ROOT, "f = %.4g", levels[k]), line[0], line[1]);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(color(levels.length == 1 ? 0 : (double) k / (levels.length - 1)));
            series.setLineWidth(1.2f);
        }
        XYSeries path = chart.addSeries("iterates (" + (trace.size() - 1) + " steps)", path1, path2);
        path.setLineColor(Color.RED);
        path.setMarkerColor(Color.RED);
        path.setMarker(trace.size() <= 200 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        path.setLineStyle(new BasicStroke(1.5f));
        point(chart, "start", path1[0], path2[0], new Color(0, 150, 0));
        point(chart, "end", path1[path1.length - 1], path2[path2.length - 1], Color.BLACK);
        chart.getStyler().setMarkerSize(6);
        Plots.write(chart, png);
    }

    private static void point(XYChart chart, String name, double x, double y, Color color) {
        XYSeries series = chart.addSeries(name, new double[] {x}, new double[] {y});
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.DIAMOND);
        series.setMarkerColor(color);
    }

    /** GRID points spanning the values plus a margin on each side (a unit span if they are all equal). */
    static double[] axis(double[] values) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        double span = high - low;
        if (!(span > 1e-9 * (1 + Math.abs(low)))) {
            span = 1;
        }
        double first = low - MARGIN * span;
        double step = (high - low + 2 * MARGIN * span) / (GRID - 1);
        double[] axis = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            axis[i] = first + i * step;
        }
        return axis;
    }

    /** A blue → green → yellow ramp for t in [0, 1]. */
    private static Color color(double t) {
        float hue = (float) (0.66 - 0.5 * t);
        return Color.getHSBColor(hue, 0.85f, 0.85f - 0.15f * (float) t);
    }
}
