package org.descent.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * The vector exp, tanh and σ of {@link VectorElementwise} equal the scalar forms in
 * {@link VectorMath} bit for bit, lane by lane. Both are plain float arithmetic, so this is what
 * makes results independent of whether the JIT has compiled the vector code yet (interpreted
 * Vector API code computes lane by lane in Java), and the scalar forms are within 2 ulps of
 * float64.
 */
class VectorMathTest {
    private static final VectorSpecies<Float> SPECIES = VectorTiles.SPECIES;

    /** Special values, a sweep over the ranges where the formulas switch, and random values. */
    private static float[] inputs() {
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, Float.MIN_VALUE,
                -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 88.72f, 88.73f, 89f, 90f, -87.33f, -103f, -104f,
                -105f, 0.625f, -0.625f, 0.62499994f, 1e-30f, -1e-30f};
        int sweep = 10_000;
        Random random = new Random(8);
        float[] x = new float[special.length + 2 * sweep];
        System.arraycopy(special, 0, x, 0, special.length);
        for (int i = 0; i < sweep; i++) {
            x[special.length + i] = -110f + 200f * i / sweep;
            x[special.length + sweep + i] = (float) (random.nextGaussian() * Math.exp(6 * random.nextGaussian()));
        }
        return x;
    }

    @Test
    void vectorLanesEqualTheScalarForms() {
        float[] x = inputs();
        int whole = x.length - x.length % SPECIES.length();
        float[] y = new float[whole];
        VectorElementwise.exp(x, y, whole);
        assertLanes(x, y, "exp", VectorMath::exp);
        VectorElementwise.tanh(x, y, whole);
        assertLanes(x, y, "tanh", VectorMath::tanh);
        VectorElementwise.sigmoid(x, y, whole);
        assertLanes(x, y, "sigmoid", VectorMath::sigmoid);
    }

    @FunctionalInterface
    private interface FloatFunction {
        float apply(float x);
    }

    private static void assertLanes(float[] x, float[] lanes, String name, FloatFunction scalar) {
        for (int i = 0; i < lanes.length; i++) {
            float expected = scalar.apply(x[i]);
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(lanes[i]),
                    name + "(" + x[i] + "): vector " + lanes[i] + ", scalar " + expected);
        }
    }

    @Test
    void withinTwoUlpsOfFloat64EverywhereInTheSweep() {
        float[] x = inputs();
        for (float v : x) {
            assertUlps("exp", v, VectorMath.exp(v), (float) Math.exp(v));
            assertUlps("tanh", v, VectorMath.tanh(v), (float) Math.tanh(v));
            assertUlps("sigmoid", v, VectorMath.sigmoid(v), (float) ScalarElementwise.sigmoid(v));
        }
    }

    private static void assertUlps(String name, float x, float actual, float expected) {
        if (Float.isNaN(expected) && Float.isNaN(actual) || expected == actual) {
            return;
        }
        boolean sameSign = Math.signum(expected) == Math.signum(actual);
        int ulps = Math.abs(Float.floatToIntBits(Math.abs(expected)) - Float.floatToIntBits(Math.abs(actual)));
        if (!sameSign || ulps > 2) {
            throw new AssertionError(name + "(" + x + ") = " + actual + ", float64 gives " + expected);
        }
    }
}
