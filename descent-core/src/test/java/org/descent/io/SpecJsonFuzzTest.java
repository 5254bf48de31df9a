package org.descent.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.descent.testing.Bounded;
import org.junit.jupiter.api.Tag;

/** Fuzzes the network spec JSON of model files: parsed, validated and described, nothing built. */
@Tag("fuzz")
class SpecJsonFuzzTest {
    static {
        // Class loading and first-use initialization are not the input's doing: done once, unmeasured.
        Bounded.warmUp(() -> fuzzerTestOneInput("{\"input_size\":2}".getBytes(StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "4s")
    void specJson(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of the standalone Jazzer driver ({@code tools/fuzz}). */
    public static void fuzzerTestOneInput(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        Bounded.check(input.length, () -> NetworkSpec.fromJson(json, "fuzz.json").architecture());
    }
}
