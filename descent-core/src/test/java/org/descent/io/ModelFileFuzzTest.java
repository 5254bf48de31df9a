package org.descent.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.descent.testing.Bounded;
import org.descent.testing.FuzzFiles;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes model files: the safetensors container, the spec JSON in its metadata, and the check
 * of the tensors against the spec, which must come before the network is built (a spec of
 * 40000-wide layers in a file of 360 bytes is refused, not allocated).
 */
@Tag("fuzz")
class ModelFileFuzzTest {
    static {
        // Class loading and first-use initialization are not the input's doing: done once, unmeasured.
        Bounded.warmUp(() -> fuzzerTestOneInput(new byte[] {8, 0, 0, 0, 0, 0, 0, 0, '{', '}', ' ', ' ', ' ', ' ', ' ', ' '}));
    }

    @FuzzTest(maxDuration = "4s")
    void modelFile(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of the standalone Jazzer driver ({@code tools/fuzz}). */
    public static void fuzzerTestOneInput(byte[] input) {
        Path file = FuzzFiles.write("model.safetensors", input);
        Bounded.check(input.length, () -> ModelFile.load(file));
    }
}
