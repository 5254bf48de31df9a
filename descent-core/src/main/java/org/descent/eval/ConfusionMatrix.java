package org.descent.eval;

import java.util.List;
import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * Counts of (true class, predicted class) pairs, with accuracy and per-class precision and
 * recall. Row i holds the samples whose true class is i; column j those predicted as j.
 */
public final class ConfusionMatrix {
    private final long[][] counts;
    private final List<String> classNames;

    private ConfusionMatrix(long[][] counts, List<String> classNames) {
        this.counts = counts;
        this.classNames = classNames;
    }

    /** From true and predicted labels in 0..classes−1. */
    public static ConfusionMatrix of(int[] actual, int[] predicted, int classes, List<String> classNames) {
        if (actual.length != predicted.length) {
            throw new DescentException("confusion matrix: " + actual.length + " true labels but "
                    + predicted.length + " predictions");
        }
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] < 0 || actual[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new DescentException("confusion matrix: sample " + i + " has label " + actual[i]
                        + " and prediction " + predicted[i] + ", outside 0.." + (classes - 1));
            }
            counts[actual[i]][predicted[i]]++;
        }
        List<String> names = classNames != null && classNames.size() == classes ? List.copyOf(classNames) : null;
        return new ConfusionMatrix(counts, names);
    }

    /**
     * The predicted class of each row of {@code outputs}: the arg-max for several outputs, or
     * {@code output ≥ threshold} for a single (binary) output.
     */
    public static int[] predictions(Tensor outputs, double threshold) {
        int rows = outputs.shape().dim(0);
        int cols = outputs.shape().rank() == 1 ? 1 : outputs.shape().dim(1);
        int[] predicted = new int[rows];
        for (int r = 0; r < rows; r++) {
            if (cols == 1) {
                predicted[r] = outputs.get(r) >= threshold ? 1 : 0;
                continue;
            }
            int best = 0;
            for (int c = 1; c < cols; c++) {
                if (outputs.get(r * cols + c) > outputs.get(r * cols + best)) {
                    best = c;
                }
            }
            predicted[r] = best;
        }
        return predicted;
    }

    public int classes() {
        return counts.length;
    }

    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        long n = total();
        return n == 0 ? Double.NaN : (double) correct / n;
    }

    /** Of the samples predicted as {@code c}, the fraction truly {@code c}; NaN if none. */
    public double precision(int c) {
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[c];
        }
        return predicted == 0 ? Double.NaN : (double) counts[c][c] / predicted;
    }

    /** Of the samples truly {@code c}, the fraction predicted as {@code c}; NaN if none. */
    public double recall(int c) {
        long actual = 0;
        for (long v : counts[c]) {
            actual += v;
        }
        return actual == 0 ? Double.NaN : (double) counts[c][c] / actual;
    }

    public String className(int c) {
        return classNames != null ? classNames.get(c) : String.valueOf(c);
    }

    /** The matrix and the per-class figures as a fixed-width text table. */
    @Override
    public String toString() {
        int width = 6;
        for (int c = 0; c < classes(); c++) {
            width = Math.max(width, className(c).length() + 1);
            for (long v : counts[c]) {
                width = Math.max(width, Long.toString(v).length() + 1);
            }
        }
        String cell = "%" + width + "s";
        StringBuilder sb = new StringBuilder(String.format(cell, "true\\pred"));
        for (int c = 0; c < classes(); c++) {
            sb.append(String.format(cell, className(c)));
        }
        sb.append(String.format("%11s%8s%n", "precision", "recall"));
        for (int r = 0; r < classes(); r++) {
            sb.append(String.format(cell, className(r)));
            for (long v : counts[r]) {
                sb.append(String.format(cell, v));
            }
            sb.append(String.format("%11.3f%8.3f%n", precision(r), recall(r)));
        }
        return sb.append(String.format("accuracy %.4f (%d samples)%n", accuracy(), total())).toString();
    }
}
