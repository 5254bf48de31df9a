package org.descent.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.Fixtures;
import org.junit.jupiter.api.Test;

/** erf against 50-digit mpmath values (erf_reference.json): within 4 ulps everywhere in [−7, 7]. */
class ErfTest {

    @Test
    void float64IsWithinFourUlpsOfTheExactValue() {
        Fixtures.Case c = Fixtures.load("erf_reference.json", "erf");
        Tensor x = c.tensor("x");
        Tensor exact = c.tensor("erf");
        Tensor y = x.erf();
        double worst = 0;
        for (int i = 0; i < x.size(); i++) {
            double e = exact.get(i);
            double ulps = e == 0 ? Math.abs(y.get(i)) : Math.abs(y.get(i) - e) / Math.ulp(e);
            worst = Math.max(worst, ulps);
        }
        assertTrue(worst <= 4, "worst error " + worst + " ulps");
        assertTrue(x.size() > 3000);
    }

    @Test
    void float32IsTheFloat64ValueRounded() {
        Tensor x = Tensor.uniform(new java.util.Random(4), -4, 4, DType.FLOAT64, 200);
        Tensor y64 = x.erf();
        Tensor y32 = x.copy(DType.FLOAT32).erf();
        for (int i = 0; i < x.size(); i++) {
            assertEquals((float) Erf.erf((float) x.get(i)), (float) y32.get(i), 0f);
            assertEquals(y64.get(i), y32.get(i), 1e-5 * Math.abs(y64.get(i)) + 1e-7);
        }
    }

    @Test
    void oddLimitsAndNaN() {
        assertEquals(1.0, Erf.erf(30), 0);
        assertEquals(-1.0, Erf.erf(Double.NEGATIVE_INFINITY), 0);
        assertEquals(0.0, Erf.erf(0.0), 0);
        assertEquals(-Erf.erf(1.3), Erf.erf(-1.3), 0);
        assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
    }
}
