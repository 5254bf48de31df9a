package org.descent.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.descent.testing.Bounded;
import org.descent.testing.FuzzFiles;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the IDX reader on raw files: every input is read as images (all of them, and only rows
 * 1, 0 and 1) and as labels, and must parse or be refused with a {@code DescentException} within
 * the bounds of {@link Bounded}.
 * Regression corpus: {@code src/test/resources/org/descent/data/IdxFuzzTestInputs/rawIdx}.
 */
@Tag("fuzz")
class IdxFuzzTest {
    static {
        // Class loading and first-use initialization are not the input's doing: done once, unmeasured.
        Bounded.warmUp(() -> fuzzerTestOneInput(new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 3}));
    }

    @FuzzTest(maxDuration = "4s")
    void rawIdx(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of the standalone Jazzer driver ({@code tools/fuzz}). */
    public static void fuzzerTestOneInput(byte[] input) {
        Path file = FuzzFiles.write("raw.idx", input);
        long size = Bounded.inputSize(input);
        Bounded.check(size, () -> IdxReader.readImages(file));
        Bounded.check(size, () -> IdxReader.readImages(file, new int[] {1, 0, 1}));   // only some rows, out of order
        Bounded.check(size, () -> IdxReader.readLabels(file));
    }
}
