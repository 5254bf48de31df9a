package org.descent.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.descent.eval.ConfusionMatrix;

/**
 * A confusion matrix as a picture: true classes down, predictions across, each cell coloured on
 * a white-to-dark-blue sequential scale (zero is white, so errors stand out from empty cells)
 * and labelled with its integer count, or with the percentage of its true class (row) when
 * asked. Class names longer than {@value #MAX_LABEL} characters are abbreviated; the column
 * labels are rotated 45° so that long names do not run into each other. A colour bar on the
 * right gives the scale with integer ticks.
 */
final class ConfusionMatrixPlot {
    static final int MAX_LABEL = 12;
    /** ColorBrewer's sequential "Blues", white to dark blue; the scale interpolates between them. */
    private static final Color[] BLUES = {new Color(0xFFFFFF), new Color(0xDEEBF7), new Color(0xC6DBEF),
            new Color(0x9ECAE1), new Color(0x6BAED6), new Color(0x4292C6), new Color(0x2171B5), new Color(0x08519C),
            new Color(0x08306B)};

    private ConfusionMatrixPlot() {
    }

    /** @param percentOfRow cells show (and are coloured by) the share of their true class, in percent */
    static BufferedImage draw(ConfusionMatrix cm, boolean percentOfRow) {
        int k = cm.classes();
        double[][] value = new double[k][k];
        double max = 0;
        for (int a = 0; a < k; a++) {
            long row = 0;
            for (int p = 0; p < k; p++) {
                row += cm.count(a, p);
            }
            for (int p = 0; p < k; p++) {
                value[a][p] = percentOfRow ? (row == 0 ? 0 : 100.0 * cm.count(a, p) / row) : cm.count(a, p);
                max = Math.max(max, value[a][p]);
            }
        }
        double top = percentOfRow ? 100 : Math.max(1, max);
        int cell = Math.max(36, Math.min(64, 560 / k));
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(11, Math.min(15, cell / 3)));
        Font bold = font.deriveFont(Font.BOLD, font.getSize2D() + 2);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics fm = probe.createGraphics().getFontMetrics(font);
        int labelWidth = 0;
        for (int c = 0; c < k; c++) {
            labelWidth = Math.max(labelWidth, fm.stringWidth(label(cm, c)));
        }
        int left = 50 + labelWidth;
        int topMargin = 50;
        // Column labels are rotated 45° when the longest would not fit in its cell.
        boolean rotate = labelWidth > cell - 6;
        int bottom = 40 + (rotate ? (int) Math.ceil(labelWidth * Math.sqrt(0.5)) : 0) + 2 * fm.getHeight();
        int grid = cell * k;
        int width = left + grid + 120;
        int height = topMargin + grid + bottom;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Plots.whiteCanvas(image);
        g.setFont(bold);
        String title = String.format(Locale.ROOT, "Confusion matrix%s (accuracy %.4f)",
                percentOfRow ? ", % of each true class" : "", cm.accuracy());
        g.drawString(title, (width - g.getFontMetrics().stringWidth(title)) / 2, 30);
        g.setFont(font);
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                Color color = color(value[a][p] / top);
                int x = left + p * cell;
                int y = topMargin + a * cell;
                g.setColor(color);
                g.fillRect(x, y, cell, cell);
                String text = percentOfRow ? percent(value[a][p]) : String.valueOf(cm.count(a, p));
                g.setColor(luminance(color) < 0.5 ? Color.WHITE : Color.BLACK);
                g.drawString(text, x + (cell - fm.stringWidth(text)) / 2, y + (cell + fm.getAscent() - fm.getDescent()) / 2);
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(left, topMargin, grid, grid);
        g.setColor(Color.BLACK);
        for (int c = 0; c < k; c++) {
            String name = label(cm, c);
            g.drawString(name, left - 8 - fm.stringWidth(name), topMargin + c * cell + (cell + fm.getAscent()) / 2 - 2);
            if (rotate) {
                AffineTransform saved = g.getTransform();
                g.translate(left + c * cell + cell / 2.0 - fm.getAscent() / 2.0, topMargin + grid + 8);
                g.rotate(Math.toRadians(45));
                g.drawString(name, 0, fm.getAscent());
                g.setTransform(saved);
            } else {
                g.drawString(name, left + c * cell + (cell - fm.stringWidth(name)) / 2, topMargin + grid + 8 + fm.getAscent());
            }
        }
        g.setFont(bold);
        FontMetrics bm = g.getFontMetrics();
        g.drawString("predicted", left + (grid - bm.stringWidth("predicted")) / 2, height - 12);
        AffineTransform saved = g.getTransform();
        g.translate(20, topMargin + (grid + bm.stringWidth("true")) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString("true", 0, 0);
        g.setTransform(saved);
        colorBar(g, font, left + grid + 30, topMargin, grid, top, percentOfRow);
        g.dispose();
        return image;
    }

    private static void colorBar(Graphics2D g, Font font, int x, int y, int barHeight, double top, boolean percent) {
        for (int i = 0; i < barHeight; i++) {
            g.setColor(color(1.0 - (double) i / (barHeight - 1)));
            g.fillRect(x, y + i, 20, 1);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x, y, 20, barHeight);
        g.setColor(Color.BLACK);
        g.setFont(font);
        long maxTick = (long) Math.floor(top);
        long step = niceStep(maxTick);
        for (long tick = 0; tick <= maxTick; tick += step) {
            int ty = y + (int) Math.round((1 - tick / top) * barHeight);
            g.drawLine(x + 20, ty, x + 25, ty);
            g.drawString(tick + (percent ? "%" : ""), x + 28, ty + g.getFontMetrics().getAscent() / 2 - 1);
        }
    }

    /** A step of 1, 2 or 5 × 10^n giving at most 6 ticks from 0 to {@code max}. */
    static long niceStep(long max) {
        long step = 1;
        while (max / step > 5) {
            long[] next = {step * 2, step * 5, step * 10};
            for (long n : next) {
                if (max / n <= 5) {
                    return n;
                }
            }
            step *= 10;
        }
        return step;
    }

    /** The scale at t in [0, 1]: white at 0, dark blue at 1, linear between the palette's colours. */
    static Color color(double t) {
        double position = Math.max(0, Math.min(1, t)) * (BLUES.length - 1);
        int i = Math.min(BLUES.length - 2, (int) position);
        double f = position - i;
        Color a = BLUES[i];
        Color b = BLUES[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    private static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }

    private static String percent(double value) {
        return value == 0 ? "0" : value < 1 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.0f", value);
    }

    /** The class name, abbreviated with "…" beyond {@value #MAX_LABEL} characters. */
    static String label(ConfusionMatrix cm, int c) {
        String name = cm.className(c);
        return name.length() <= MAX_LABEL ? name : name.substring(0, MAX_LABEL - 1) + "…";
    }
}
