package org.descent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each initializer draws from its stated distribution, reproducibly for a seed. */
class InitTest {
    private static final int OUT = 200;
    private static final int IN = 300;

    /** The variance each initializer promises for a weight of shape (OUT, IN). */
    private static double variance(Init init) {
        return switch (init) {
            case XAVIER_UNIFORM, XAVIER_NORMAL -> 2.0 / (IN + OUT);
            case HE_UNIFORM, HE_NORMAL -> 2.0 / IN;
            case UNIFORM -> 0.1 * 0.1 / 3;
            case NORMAL -> 0.01 * 0.01;
        };
    }

    @ParameterizedTest
    @EnumSource(Init.class)
    void meanZeroAndTheStatedVariance(Init init) {
        Tensor w = init.weight(new Random(1), OUT, IN);
        assertEquals(java.util.List.of(OUT, IN), java.util.List.of(w.shape().dim(0), w.shape().dim(1)));
        double mean = 0;
        double square = 0;
        for (int i = 0; i < w.size(); i++) {
            mean += w.get(i);
            square += w.get(i) * w.get(i);
        }
        mean /= w.size();
        double var = square / w.size() - mean * mean;
        assertTrue(Math.abs(mean) < 0.05 * Math.sqrt(variance(init)), init + " mean " + mean);
        assertEquals(variance(init), var, 0.03 * variance(init), init + " variance");
    }

    @ParameterizedTest
    @EnumSource(value = Init.class, names = {"XAVIER_UNIFORM", "HE_UNIFORM", "UNIFORM"})
    void uniformInitializersStayInTheirBounds(Init init) {
        double bound = Math.sqrt(3 * variance(init));
        Tensor w = init.weight(new Random(2), OUT, IN);
        for (int i = 0; i < w.size(); i++) {
            assertTrue(Math.abs(w.get(i)) <= bound + 1e-7, init + " value " + w.get(i) + " beyond " + bound);
        }
    }

    @Test
    void theSameSeedGivesTheSameWeights() {
        Linear a = new Linear(5, 4, Init.HE_NORMAL, new Random(9));
        Linear b = new Linear(5, 4, Init.HE_NORMAL, new Random(9));
        for (int i = 0; i < a.weight().value().size(); i++) {
            assertEquals(a.weight().value().get(i), b.weight().value().get(i), 0.0);
        }
        assertEquals(0.0, a.bias().value().get(0), 0.0);
    }
}
