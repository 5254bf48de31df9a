package org.descent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CSV reader's allocation-free fast path for plain decimals gives exactly what {@link Double#parseDouble} gives. */
class CsvNumberTest {
    @Test
    void plainDecimalsAreParsedBitForBitAsParseDoubleDoes() {
        Random random = new Random(12);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "-" : random.nextInt(8) == 0 ? "+" : "");
            int digits = 1 + random.nextInt(15);
            int point = random.nextInt(digits + 2) - 1;   // -1: no point; digits: a trailing point
            for (int d = 0; d < digits; d++) {
                if (d == point) {
                    text.append('.');
                }
                text.append((char) ('0' + random.nextInt(10)));
            }
            if (point == digits) {
                text.append('.');
            }
            String field = text.toString();
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(field)),
                    Double.doubleToRawLongBits(CsvRows.plainDecimal(field)), field);
        }
        for (String field : new String[] {"0", "-0", "-0.0", ".5", "+.5", "5.", "123456789012345", "0.1", "0.3",
            "999999999999999", "-.000000000000001"}) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(field)),
                    Double.doubleToRawLongBits(CsvRows.plainDecimal(field)), field);
        }
    }

    @Test
    void anythingElseIsLeftToParseDouble() {
        for (String field : new String[] {"-", "+", ".", "1e5", "1.5E-3", "0x1p3", "NaN", "Infinity", "1.0f", "1.2.3",
            "1234567890123456", "0.0000000000000001", "--1", "1 2", "١"}) {
            assertTrue(Double.isNaN(CsvRows.plainDecimal(field)), field);
        }
    }
}
