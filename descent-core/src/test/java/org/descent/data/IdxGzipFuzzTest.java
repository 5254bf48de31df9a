package org.descent.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.Arrays;
import org.descent.testing.Bounded;
import org.descent.testing.FuzzFiles;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the IDX reader on gzip files. The first byte chooses: even, the rest is IDX data that
 * is compressed (so the mutations reach the IDX parser behind the gzip stream); odd, the rest
 * follows the gzip magic 1f 8b as it is (so they reach the gzip header and stream checks).
 */
@Tag("fuzz")
class IdxGzipFuzzTest {
    static {
        // Class loading and first-use initialization are not the input's doing: done once, unmeasured.
        Bounded.warmUp(() -> fuzzerTestOneInput(new byte[] {0, 0, 0, 8, 1, 0, 0, 0, 1, 3}));
    }

    @FuzzTest(maxDuration = "4s")
    void gzipIdx(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of the standalone Jazzer driver ({@code tools/fuzz}). */
    public static void fuzzerTestOneInput(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        byte[] file;
        if ((input[0] & 1) == 0) {
            file = FuzzFiles.gzip(rest);
        } else {
            file = new byte[rest.length + 2];
            file[0] = 0x1f;
            file[1] = (byte) 0x8b;
            System.arraycopy(rest, 0, file, 2, rest.length);
        }
        Path path = FuzzFiles.write("idx.gz", file);
        long size = Bounded.inputSize(file);
        Bounded.check(size, () -> IdxReader.readImages(path));
        Bounded.check(size, () -> IdxReader.readLabels(path));
    }
}
