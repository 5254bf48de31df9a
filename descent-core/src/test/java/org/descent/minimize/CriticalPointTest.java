package org.descent.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.descent.DescentException;
import org.descent.minimize.CriticalPoint.Kind;
import org.junit.jupiter.api.Test;

class CriticalPointTest {

    private static Kind kind(double tolerance, double... eigenvalues) {
        return CriticalPoint.classify(eigenvalues, tolerance).kind();
    }

    @Test
    void signsOfTheEigenvaluesDecide() {
        assertEquals(Kind.MINIMUM, kind(1e-8, 0.586, 2, 3.414));
        assertEquals(Kind.MAXIMUM, kind(1e-8, -3, -1));
        assertEquals(Kind.SADDLE, kind(1e-8, -2, 2));
        assertEquals(Kind.SADDLE, kind(1e-8, -2, 0, 2), "indefinite beats a zero eigenvalue");
        assertEquals(Kind.DEGENERATE, kind(1e-8, 0, 2));
        assertEquals(Kind.DEGENERATE, kind(1e-8, -1, 0));
    }

    @Test
    void toleranceDecidesWhatCountsAsZero() {
        assertEquals(Kind.DEGENERATE, kind(1e-3, 1e-4, 2));
        assertEquals(Kind.MINIMUM, kind(1e-5, 1e-4, 2));
        assertEquals(Kind.DEGENERATE, kind(1e-3, -1e-3, 2), "|λ| = tol counts as zero");
        CriticalPoint p = CriticalPoint.classify(new double[] {3, -1, 2}, 0);
        assertEquals(-1, p.minEigenvalue());
        assertEquals(3, p.maxEigenvalue());
    }

    @Test
    void refusesBadInput() {
        assertThrows(DescentException.class, () -> kind(-1, 1));
        assertThrows(DescentException.class, () -> kind(0));
        assertThrows(DescentException.class, () -> kind(0, Double.NaN, 1));
    }
}
