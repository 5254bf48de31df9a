package org.descent.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.descent.eval.ConfusionMatrix;
import org.descent.io.AtomicFiles;
import org.descent.train.EpochResult;
import org.descent.train.History;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG pictures, written atomically: training curves and the regression plot (XChart, one
 * panel per quantity, stacked or side by side), the confusion matrix
 * ({@link ConfusionMatrixPlot}) and the misclassified images ({@link ErrorGrid}); the
 * minimizer's contour plot is {@link ContourPlot}.
 */
final class Plots {
    private Plots() {
    }

    /**
     * Two panels over the epochs: the training and validation loss (top, y axis "loss"), and the
     * validation accuracy (bottom, y axis "accuracy") for classification.
     */
    static void trainingCurves(History history, Path png) {
        List<EpochResult> epochs = history.epochs();
        double[] x = epochs.stream().mapToDouble(EpochResult::epoch).toArray();
        double[] accuracy = epochs.stream().mapToDouble(EpochResult::validationAccuracy).toArray();
        boolean classification = !Double.isNaN(accuracy[0]);
        XYChart loss = panel("Training curves: loss", "loss (mean over the epoch)", classification ? 330 : 500);
        loss.addSeries("train loss", x, epochs.stream().mapToDouble(EpochResult::trainLoss).toArray());
        double[] validationLoss = epochs.stream().mapToDouble(EpochResult::validationLoss).toArray();
        if (!Double.isNaN(validationLoss[0])) {
            loss.addSeries("validation loss", x, validationLoss);
        }
        if (!classification) {
            write(BitmapEncoder.getBufferedImage(loss), png);
            return;
        }
        XYChart acc = panel("Validation accuracy", "accuracy", 270);
        acc.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        XYSeries series = acc.addSeries("validation accuracy", x, accuracy);
        series.setLineColor(new Color(0x2CA02C));
        series.setMarkerColor(new Color(0x2CA02C));
        acc.getStyler().setYAxisDecimalPattern("0.00");
        write(stack(BitmapEncoder.getBufferedImage(loss), BitmapEncoder.getBufferedImage(acc), true), png);
    }

    /**
     * For a regression model: predicted against true values with the line y = x (left), and
     * the residuals, predicted − true, against the true values with the zero line (right).
     */
    static void regression(double[] truth, double[] predicted, String title, Path png) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] residual = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            lo = Math.min(lo, Math.min(truth[i], predicted[i]));
            hi = Math.max(hi, Math.max(truth[i], predicted[i]));
            residual[i] = predicted[i] - truth[i];
        }
        XYChart fit = scatter(title + ": predicted against true", "true value", "predicted value");
        fit.addSeries("test samples", truth, predicted).setMarker(SeriesMarkers.CIRCLE);
        XYSeries line = fit.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi});
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Color.DARK_GRAY);
        XYChart residuals = scatter("Residuals", "true value", "predicted − true");
        residuals.addSeries("test samples", truth, residual).setMarker(SeriesMarkers.CIRCLE);
        XYSeries zero = residuals.addSeries("0", new double[] {lo, hi}, new double[] {0, 0});
        zero.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(Color.DARK_GRAY);
        write(stack(BitmapEncoder.getBufferedImage(fit), BitmapEncoder.getBufferedImage(residuals), false), png);
    }

    /** The confusion matrix: counts, or percentages of each true class with {@code percentOfRow}. */
    static void confusionMatrix(ConfusionMatrix cm, boolean percentOfRow, Path png) {
        write(ConfusionMatrixPlot.draw(cm, percentOfRow), png);
    }

    private static XYChart panel(String title, String yTitle, int height) {
        XYChart chart = new XYChartBuilder().width(800).height(height).title(title).xAxisTitle("epoch")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }

    private static XYChart scatter(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(560).height(480).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        return chart;
    }

    /** Two pictures in one, one below the other ({@code vertical}) or side by side. */
    static BufferedImage stack(BufferedImage first, BufferedImage second, boolean vertical) {
        int width = vertical ? Math.max(first.getWidth(), second.getWidth()) : first.getWidth() + second.getWidth();
        int height = vertical ? first.getHeight() + second.getHeight() : Math.max(first.getHeight(), second.getHeight());
        BufferedImage both = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = whiteCanvas(both);
        g.drawImage(first, 0, 0, null);
        g.drawImage(second, vertical ? 0 : first.getWidth(), vertical ? first.getHeight() : 0, null);
        g.dispose();
        return both;
    }

    /** A drawing surface on {@code image}: white, black pen, antialiased text (the pictures drawn by hand). */
    static Graphics2D whiteCanvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        return g;
    }

    static void write(Chart<?, ?> chart, Path png) {
        write(BitmapEncoder.getBufferedImage(chart), png);
    }

    static void write(BufferedImage image, Path png) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            AtomicFiles.write(png, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the picture " + png + ": " + e.getMessage(), e);
        }
    }
}
