package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.eval.ConfusionMatrix;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pictures of issue 16, checked by their pixels. */
class PlotsTest {
    @TempDir
    Path dir;

    private static final int WHITE = 0xFFFFFF;
    private static final int DARKEST = 0x08306B;

    /** True 0: 8 right, 2 as class 2; true 1: 10 right; true 2: 1 as 0, 9 right. */
    private static ConfusionMatrix matrix(List<String> names) {
        int[] actual = new int[30];
        int[] predicted = new int[30];
        for (int i = 0; i < 30; i++) {
            actual[i] = i / 10;
            predicted[i] = actual[i];
        }
        predicted[0] = 2;
        predicted[1] = 2;
        predicted[20] = 0;
        return ConfusionMatrix.of(actual, predicted, 3, names);
    }

    /** The colour at a cell's top-left corner (inside it, away from its number). */
    private static int cellCorner(BufferedImage image, int row, int column, int classes) {
        // Find the grid: the first pixel of the top-left cell is the first non-white pixel of its row.
        int cell = Math.max(36, Math.min(64, 560 / classes));
        int top = 50;
        int left = -1;
        int y = top + cell / 2;
        for (int x = 0; x < image.getWidth() && left < 0; x++) {
            if (image.getRGB(x, y) == (0xFF000000 | 0x808080)) {  // the grid's gray frame
                left = x;
            }
        }
        assertTrue(left > 0, "no frame found");
        return image.getRGB(left + column * cell + 3, top + row * cell + 3) & 0xFFFFFF;
    }

    @Test
    void confusionMatrixIsWhiteAtZeroDarkestAtTheLargestCount() throws Exception {
        Path png = dir.resolve("cm.png");
        Plots.confusionMatrix(matrix(List.of()), false, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(WHITE, cellCorner(image, 0, 1, 3), "a zero cell is white");
        assertEquals(WHITE, cellCorner(image, 1, 0, 3));
        assertEquals(DARKEST, cellCorner(image, 1, 1, 3), "the largest count (10) is the darkest blue");
        int one = cellCorner(image, 2, 0, 3);
        int two = cellCorner(image, 0, 2, 3);
        assertNotEquals(WHITE, one, "one error stands out from the zeros");
        assertTrue(brightness(two) < brightness(one) && brightness(one) < brightness(WHITE), "darker with the count");
    }

    @Test
    void percentagesOfEachTrueClassColourByTheShare() throws Exception {
        BufferedImage counts = ConfusionMatrixPlot.draw(matrix(List.of()), false);
        BufferedImage percent = ConfusionMatrixPlot.draw(matrix(List.of()), true);
        // 8 of 10 and 9 of 10 are the same colour whether counted or in percent of the row (max 10 = 100%).
        assertEquals(cellCorner(counts, 0, 0, 3), cellCorner(percent, 0, 0, 3));
        assertEquals(DARKEST, cellCorner(percent, 1, 1, 3), "100% of class 1");
        assertEquals(counts.getWidth(), percent.getWidth());
    }

    @Test
    void longClassNamesAreRotatedAndAbbreviated() {
        ConfusionMatrix shortNames = matrix(List.of("a", "b", "c"));
        ConfusionMatrix longNames = matrix(List.of("T-shirt/top", "Ankle boot", "a very long class name"));
        assertEquals("a very long…", ConfusionMatrixPlot.label(longNames, 2));
        assertEquals("T-shirt/top", ConfusionMatrixPlot.label(longNames, 0));
        BufferedImage a = ConfusionMatrixPlot.draw(shortNames, false);
        BufferedImage b = ConfusionMatrixPlot.draw(longNames, false);
        assertTrue(b.getHeight() > a.getHeight() + 40, "room below the grid for the rotated labels");
        assertTrue(b.getWidth() > a.getWidth(), "room on the left for the row labels");
    }

    @Test
    void colourScaleAndTicks() {
        assertEquals(WHITE, ConfusionMatrixPlot.color(0).getRGB() & 0xFFFFFF);
        assertEquals(DARKEST, ConfusionMatrixPlot.color(1).getRGB() & 0xFFFFFF);
        assertEquals(5, ConfusionMatrixPlot.niceStep(28));
        assertEquals(200, ConfusionMatrixPlot.niceStep(961));
        assertEquals(1, ConfusionMatrixPlot.niceStep(3));
        assertEquals(20, ConfusionMatrixPlot.niceStep(100));
    }

    @Test
    void errorGridShowsTheMisclassifiedImagesDarkOnWhite() {
        // Two 8×8 images: sample 0 all zero but pixel (row 2, column 3) at 16; sample 1 all zero.
        float[] pixels = new float[2 * 64];
        pixels[2 * 8 + 3] = 16;
        Dataset data = Dataset.classification(Tensor.of(pixels, 2, 64), new int[] {3, 5}, 10, List.of());
        BufferedImage grid = ErrorGrid.draw(data, new int[] {8, 5}, "test");
        BufferedImage none = ErrorGrid.draw(data, new int[] {3, 5}, "test");
        // The wrong image is drawn at scale 84/8 = 10: its ink pixel is a solid 10×10 black block.
        assertEquals(1, blackBlocks(grid), "one ink pixel drawn");
        assertEquals(0, blackBlocks(none), "nothing misclassified, no image");
        assertEquals(8, ErrorGrid.side(64));
        assertEquals(28, ErrorGrid.side(784));
        assertEquals(0, ErrorGrid.side(30));
        Dataset flat = Dataset.classification(Tensor.of(new float[4 * 2], 2, 4), new int[] {0, 1}, 2, List.of());
        DescentException e = assertThrows(DescentException.class, () -> ErrorGrid.draw(flat, new int[] {1, 0}, "iris"));
        assertTrue(e.getMessage().contains("iris have 4 features, not a square image"), e.getMessage());
    }

    @Test
    void regressionPlotHasTwoPanels() throws Exception {
        Path png = dir.resolve("reg.png");
        Plots.regression(new double[] {1, 2, 3}, new double[] {1.5, 2, 2}, "t", png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1120, image.getWidth());
        assertEquals(480, image.getHeight());
    }

    /** How many solid black 10×10 blocks the image holds, counted by their top-left corners. */
    private static int blackBlocks(BufferedImage image) {
        int blocks = 0;
        for (int y = 0; y + 10 <= image.getHeight(); y++) {
            for (int x = 0; x + 10 <= image.getWidth(); x++) {
                boolean solid = true;
                for (int dy = 0; dy < 10 && solid; dy++) {
                    for (int dx = 0; dx < 10 && solid; dx++) {
                        solid = (image.getRGB(x + dx, y + dy) & 0xFFFFFF) == 0;
                    }
                }
                blocks += solid ? 1 : 0;
            }
        }
        return blocks;
    }

    private static double brightness(int rgb) {
        return ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
    }
}
