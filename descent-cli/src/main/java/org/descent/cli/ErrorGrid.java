package org.descent.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.tensor.Tensor;

/**
 * The misclassified test images as a grid, each with its true and its predicted class: for
 * image data whose samples are square pictures (the 8×8 digits, 28×28 Fashion-MNIST). Pixels are
 * drawn dark on white, from the smallest value of the data (white) to the largest (black), each
 * scaled to a whole number of screen pixels; at most {@value #MAX_SHOWN} images, in test order.
 */
final class ErrorGrid {
    static final int MAX_SHOWN = 60;
    private static final int COLUMNS = 10;

    private ErrorGrid() {
    }

    /** The side of a square image of {@code features} pixels, or 0 if it is not a square of at least 8×8. */
    static int side(int features) {
        int side = (int) Math.round(Math.sqrt(features));
        return side * side == features && side >= 8 ? side : 0;
    }

    /**
     * @param raw the test samples as in the files, not normalized
     * @param predicted the predicted class of each sample
     */
    static BufferedImage draw(Dataset raw, int[] predicted, String dataName) {
        int side = side(raw.featureCount());
        if (side == 0) {
            throw new DescentException("--errors draws the misclassified images, but the samples of " + dataName + " have "
                    + raw.featureCount() + " features, not a square image (8×8 = 64, 28×28 = 784, ...)");
        }
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] != raw.label(i)) {
                wrong.add(i);
            }
        }
        Tensor x = raw.features();
        int n = raw.featureCount();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < raw.size() * n; i++) {
            lo = Math.min(lo, x.get(i));
            hi = Math.max(hi, x.get(i));
        }
        int shown = Math.min(MAX_SHOWN, wrong.size());
        int scale = Math.max(1, 84 / side);
        int picture = side * scale;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 14);
        FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(font);
        int cellWidth = Math.max(picture, 96) + 12;
        int cellHeight = picture + 2 * fm.getHeight() + 12;
        int columns = Math.max(1, Math.min(COLUMNS, shown));
        int rows = (shown + columns - 1) / columns;
        int width = Math.max(columns * cellWidth + 20, 420);
        int height = 50 + Math.max(1, rows) * cellHeight + 10;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Plots.whiteCanvas(image);
        g.setFont(bold);
        String title = String.format(Locale.ROOT, "%d of %d test images misclassified%s", wrong.size(), raw.size(),
                shown < wrong.size() ? " (the first " + shown + ")" : "");
        g.drawString(title, 10, 28);
        g.setFont(font);
        for (int s = 0; s < shown; s++) {
            int sample = wrong.get(s);
            int cx = 10 + (s % columns) * cellWidth;
            int cy = 45 + (s / columns) * cellHeight;
            int px = cx + (cellWidth - 12 - picture) / 2;
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    double v = hi > lo ? (x.get(sample * n + r * side + c) - lo) / (hi - lo) : 0;
                    int gray = (int) Math.round(255 * (1 - v));
                    g.setColor(new Color(gray, gray, gray));
                    g.fillRect(px + c * scale, cy + r * scale, scale, scale);
                }
            }
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(px - 1, cy - 1, picture + 1, picture + 1);
            g.setColor(Color.BLACK);
            g.drawString("true " + name(raw, raw.label(sample)), cx, cy + picture + fm.getAscent() + 3);
            g.setColor(new Color(0xB2182B));
            g.drawString("pred " + name(raw, predicted[sample]), cx, cy + picture + fm.getHeight() + fm.getAscent() + 3);
        }
        if (shown == 0) {
            g.drawString("none: every test image is classified correctly", 10, 70);
        }
        g.dispose();
        return image;
    }

    private static String name(Dataset data, int c) {
        String name = data.className(c);
        return name.length() <= ConfusionMatrixPlot.MAX_LABEL ? name : name.substring(0, ConfusionMatrixPlot.MAX_LABEL - 1) + "…";
    }
}
