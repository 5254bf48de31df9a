package org.descent.cli;

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
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * PNG charts with XChart, written atomically: training curves and confusion matrices; the
 * minimizer's contour plot is {@link ContourPlot}.
 */
final class Plots {
    private Plots() {
    }

    /** Training and validation loss on the left axis, validation accuracy on the right. */
    static void trainingCurves(History history, Path png) {
        List<EpochResult> epochs = history.epochs();
        double[] x = epochs.stream().mapToDouble(EpochResult::epoch).toArray();
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Training curves")
                .xAxisTitle("epoch").yAxisTitle("loss").build();
        chart.getStyler().setMarkerSize(5);
        chart.addSeries("train loss", x, epochs.stream().mapToDouble(EpochResult::trainLoss).toArray());
        double[] validationLoss = epochs.stream().mapToDouble(EpochResult::validationLoss).toArray();
        if (!Double.isNaN(validationLoss[0])) {
            chart.addSeries("validation loss", x, validationLoss);
        }
        double[] accuracy = epochs.stream().mapToDouble(EpochResult::validationAccuracy).toArray();
        if (!Double.isNaN(accuracy[0])) {
            XYSeries series = chart.addSeries("validation accuracy", x, accuracy);
            series.setYAxisGroup(1);
            chart.setYAxisGroupTitle(1, "accuracy");
        }
        write(chart, png);
    }

    /** Counts as a heat map, true classes down, predictions across. */
    static void confusionMatrix(ConfusionMatrix cm, Path png) {
        int k = cm.classes();
        List<String> names = new java.util.ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add(cm.className(c));
        }
        List<Number[]> cells = new java.util.ArrayList<>();
        for (int actual = 0; actual < k; actual++) {
            for (int predicted = 0; predicted < k; predicted++) {
                cells.add(new Number[] {predicted, k - 1 - actual, cm.count(actual, predicted)});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(700).height(600)
                .title(String.format("Confusion matrix (accuracy %.4f)", cm.accuracy()))
                .xAxisTitle("predicted").yAxisTitle("true").build();
        chart.getStyler().setShowValue(true);
        List<String> upward = new java.util.ArrayList<>(names);
        java.util.Collections.reverse(upward);
        chart.addSeries("counts", names, upward, cells);
        write(chart, png);
    }

    static void write(Chart<?, ?> chart, Path png) {
        try {
            BufferedImage image = BitmapEncoder.getBufferedImage(chart);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            AtomicFiles.write(png, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart " + png + ": " + e.getMessage(), e);
        }
    }
}
