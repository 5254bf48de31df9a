package org.descent.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.descent.testing.Bounded;
import org.descent.testing.FuzzFiles;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the CSV reader. The first byte chooses the settings: bit 0 a header line, bits 1-2 the
 * separator (comma, semicolon, tab, whitespace), bits 3-4 the label column (−1, 0, 1, −2), bit 5
 * regression instead of classification, bit 6 features only; the rest is the file (raw or gzip).
 */
@Tag("fuzz")
class CsvFuzzTest {
    private static final Character[] SEPARATORS = {',', ';', '\t', null};
    private static final int[] LABEL_COLUMNS = {-1, 0, 1, -2};

    static {
        // Class loading and first-use initialization are not the input's doing: done once, unmeasured.
        Bounded.warmUp(() -> fuzzerTestOneInput("\0001,2,0\n3,4,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "4s")
    void csv(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of the standalone Jazzer driver ({@code tools/fuzz}). */
    public static void fuzzerTestOneInput(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int settings = input[0] & 0xff;
        byte[] text = Arrays.copyOfRange(input, 1, input.length);
        Character separator = SEPARATORS[(settings >> 1) & 3];
        CsvReader reader = (separator == null ? CsvReader.whitespace() : CsvReader.comma().withSeparator(separator))
                .withHeader((settings & 1) != 0).withLabelColumn(LABEL_COLUMNS[(settings >> 3) & 3]);
        long size = Bounded.inputSize(text);
        if ((settings & 64) != 0) {
            Path file = FuzzFiles.write("features.csv", text);
            Bounded.check(size, () -> reader.readFeatures(file, 3));
        } else if ((settings & 32) != 0) {
            Path file = FuzzFiles.write("data.csv", text);
            Bounded.check(size, () -> reader.readRegression(file));
        } else {
            Bounded.check(size, () -> reader.readClassification("data.csv", new ByteArrayInputStream(text)));
        }
    }
}
