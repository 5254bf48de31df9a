package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContourLinesTest {

    @Test
    void theLevelLinesOfABowlAreCircles() {
        int n = 101;
        double[] axis = new double[n];
        for (int i = 0; i < n; i++) {
            axis[i] = -2 + 4.0 * i / (n - 1);
        }
        double[][] values = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                values[i][j] = axis[i] * axis[i] + axis[j] * axis[j];
            }
        }
        double[][] line = ContourLines.segments(axis, axis, values, 1.0);
        int segments = line[0].length / 3;
        assertTrue(segments > 100, "a circle of radius 1 crosses many cells of width 0.04: " + segments);
        double angle = 0;
        for (int k = 0; k < line[0].length; k++) {
            if (k % 3 == 2) {
                assertTrue(Double.isNaN(line[0][k]) && Double.isNaN(line[1][k]), "segments are separated by NaN");
                continue;
            }
            // Linear interpolation of r² along a cell edge of width h is off by at most h²/4 in r².
            assertEquals(1.0, Math.hypot(line[0][k], line[1][k]), 0.0005);
            if (k % 3 == 1) {
                double turn = Math.atan2(line[1][k], line[0][k]) - Math.atan2(line[1][k - 1], line[0][k - 1]);
                angle += Math.abs(Math.IEEEremainder(turn, 2 * Math.PI));
            }
        }
        assertEquals(2 * Math.PI, angle, 0.01, "the segments go once around the circle");
    }

    @Test
    void aSaddleCellIsSplitByItsMeanValue() {
        double[] unit = {0, 1};
        // a = f(0,0) = 1, b = f(1,0) = −1, c = f(1,1) = 2, d = f(0,1) = −1: mean 0.25 lies above 0, with a and c.
        double[][] values = {{1, -1}, {-1, 2}};
        double[][] line = ContourLines.segments(unit, unit, values, 0.0);
        // Segments cut off b (bottom edge to right edge) and d (top edge to left edge).
        assertArrayEquals(new double[] {0.5, 1, Double.NaN, 1.0 / 3, 0, Double.NaN}, line[0], 1e-15);
        assertArrayEquals(new double[] {0, 1.0 / 3, Double.NaN, 1, 0.5, Double.NaN}, line[1], 1e-15);
    }

    @Test
    void cellsWithANonFiniteCornerAreSkipped() {
        double[] unit = {0, 1};
        double[][] line = ContourLines.segments(unit, unit, new double[][] {{0, Double.NaN}, {1, 1}}, 0.5);
        assertEquals(0, line[0].length);
    }

    @Test
    void levelsAreDistinctQuantilesDenserAtTheBottom() {
        double[][] values = new double[10][10];
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                values[i][j] = 10 * i + j;
            }
        }
        values[0][0] = Double.NaN;
        // The 99 finite values 1 … 99 at quantiles 1/16, 4/16, 9/16: indices round(98·q) = 6, 25, 55.
        assertArrayEquals(new double[] {7, 26, 56}, ContourLines.levels(values, 3));
        assertArrayEquals(new double[] {5}, ContourLines.levels(new double[][] {{5, 5}, {5, 5}}, 4));
    }
}
