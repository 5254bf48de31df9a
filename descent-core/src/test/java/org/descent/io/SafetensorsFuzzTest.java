package org.descent.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.descent.testing.Bounded;
import org.junit.jupiter.api.Tag;

/** Fuzzes the safetensors reader: header length, JSON header, shapes, offsets and data. */
@Tag("fuzz")
class SafetensorsFuzzTest {
    static {
        // Class loading and first-use initialization are not the input's doing: done once, unmeasured.
        Bounded.warmUp(() -> fuzzerTestOneInput(Safetensors.encode(new SafetensorsContent(java.util.Map.of("w", org.descent.tensor.Tensor.of(new float[] {1, 2}, 2)), java.util.Map.of()))));
    }

    @FuzzTest(maxDuration = "4s")
    void safetensors(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of the standalone Jazzer driver ({@code tools/fuzz}). */
    public static void fuzzerTestOneInput(byte[] input) {
        Bounded.check(input.length, () -> Safetensors.decode(input, "fuzz.safetensors"));
    }
}
