package org.descent.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The float32 fast paths must agree with the general (index-map) path, which float64 tensors
 * always take: for + − × ÷ a float32 result equals the float64 result rounded to float exactly.
 */
class FloatLoopsTest {
    private static final int[][][] PAIRS = {
        {{3, 4}, {3, 4}}, {{3, 4}, {4}}, {{3, 4}, {1, 4}}, {{3, 4}, {3, 1}}, {{3, 4}, {}}, {{3, 4}, {1}},
        {{2, 3, 4}, {3, 4}}, {{2, 3, 4}, {2, 1, 1}}, {{2, 3, 4}, {2, 3, 1}}, {{2, 3, 4}, {1, 3, 1}},
        {{4}, {3, 4}}, {{3, 1}, {3, 4}}, {{1, 4}, {3, 1}}, {{0, 4}, {4}}};

    @Test
    void patternsAreRecognized() {
        assertEquals(FloatLoops.Pattern.REPEAT, FloatLoops.pattern(Shape.of(1, 4), Shape.of(3, 4)));
        assertEquals(FloatLoops.Pattern.STRETCH, FloatLoops.pattern(Shape.of(3, 1), Shape.of(3, 4)));
        assertEquals(FloatLoops.Pattern.SCALAR, FloatLoops.pattern(Shape.of(), Shape.of(3, 4)));
        assertEquals(FloatLoops.Pattern.GENERAL, FloatLoops.pattern(Shape.of(1, 3, 1), Shape.of(2, 3, 4)));
    }

    @Test
    void arithmeticMatchesTheGeneralPathBitForBit() {
        Random random = new Random(3);
        for (int[][] pair : PAIRS) {
            Tensor a = Tensor.randn(random, DType.FLOAT32, pair[0]);
            Tensor b = Tensor.randn(random, DType.FLOAT32, pair[1]);
            Tensor a64 = a.to(DType.FLOAT64);
            Tensor b64 = b.to(DType.FLOAT64);
            assertSameValues(a.add(b), a64.add(b64), pair);
            assertSameValues(a.sub(b), a64.sub(b64), pair);
            assertSameValues(a.mul(b), a64.mul(b64), pair);
            assertSameValues(a.div(b), a64.div(b64), pair);
            assertSameValues(b.add(a), b64.add(a64), pair);
            assertSameValues(b.sub(a), b64.sub(a64), pair);
        }
    }

    @Test
    void sumToMatchesTheGeneralPath() {
        Random random = new Random(5);
        int[][][] cases = {{{5, 4}, {4}}, {{5, 4}, {1, 4}}, {{5, 4}, {5, 1}}, {{2, 3, 4}, {3, 4}}, {{2, 3, 4}, {2, 1, 1}}};
        for (int[][] c : cases) {
            Tensor x = Tensor.randn(random, DType.FLOAT32, c[0]);
            Tensor fast = x.sumTo(Shape.of(c[1]));
            Tensor general = x.to(DType.FLOAT64).sumTo(Shape.of(c[1]));
            assertEquals(general.shape(), fast.shape());
            for (int i = 0; i < fast.size(); i++) {
                assertEquals(general.get(i), fast.get(i), 1e-5 * (1 + Math.abs(general.get(i))));
            }
        }
    }

    private static void assertSameValues(Tensor float32, Tensor float64, int[][] pair) {
        assertEquals(float64.shape(), float32.shape());
        for (int i = 0; i < float32.size(); i++) {
            assertEquals((float) float64.get(i), (float) float32.get(i),
                    "shapes " + java.util.Arrays.deepToString(pair) + " element " + i);
        }
    }
}
