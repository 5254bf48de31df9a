package org.descent.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ElementRangesTest {

    @Test
    void rangesCoverEveryElementOnceInOrderAndNoneIsLongerThanTheMaximum() {
        int[] sizes = {3 * ElementRanges.MAX_RANGE + 5, 0, 7, ElementRanges.MAX_RANGE};
        ElementRanges ranges = ElementRanges.of(sizes);
        assertEquals(4 + 1 + 1, ranges.count());
        int array = 0;
        int next = 0;
        for (int r = 0; r < ranges.count(); r++) {
            if (ranges.array(r) != array) {
                assertEquals(sizes[array], next, "array " + array + " ends where its last range ends");
                array = ranges.array(r);
                next = 0;
            }
            assertEquals(next, ranges.from(r), "range " + r + " starts where the one before ended");
            assertTrue(ranges.to(r) > ranges.from(r) && ranges.to(r) - ranges.from(r) <= ElementRanges.MAX_RANGE);
            next = ranges.to(r);
        }
        assertEquals(sizes[array], next);
    }
}
