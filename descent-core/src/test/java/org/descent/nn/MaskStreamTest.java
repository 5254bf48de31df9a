package org.descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Dropouts with the same state draw different masks in different streams, and stream 0 is the default. */
class MaskStreamTest {
    private static final Tensor ONES = Tensor.full(DType.FLOAT32, 1, 8, 64);

    private static float[] mask(long stream) {
        try (MaskStream scope = MaskStream.enter(stream)) {
            return new Dropout(0.5, 3).forward(ONES).floatData();
        }
    }

    @Test
    void streamZeroDrawsWhatDropoutAlwaysDrew() {
        assertArrayEquals(new Dropout(0.5, 3).forward(ONES).floatData(), mask(0));
    }

    @Test
    void anotherStreamDrawsAnotherMaskTheSameEachTime() {
        assertFalse(Arrays.equals(mask(0), mask(1)), "streams 0 and 1 dropped the same positions");
        assertFalse(Arrays.equals(mask(1), mask(2)), "streams 1 and 2 dropped the same positions");
        assertArrayEquals(mask(1), mask(1));
    }

    @Test
    void closingGoesBackToTheStreamBefore() {
        try (MaskStream outer = MaskStream.enter(1)) {
            try (MaskStream inner = MaskStream.enter(2)) {
                inner.close();
                inner.close();   // closing twice closes once
            }
            assertArrayEquals(mask(1), new Dropout(0.5, 3).forward(ONES).floatData());
        }
        assertArrayEquals(mask(0), new Dropout(0.5, 3).forward(ONES).floatData());
    }
}
