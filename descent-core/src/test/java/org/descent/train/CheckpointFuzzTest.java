package org.descent.train;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.Random;
import org.descent.nn.Linear;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.optim.Adam;
import org.descent.optim.GradientDescent;
import org.descent.optim.GradientDescentConfig;
import org.descent.optim.Optimizer;
import org.descent.optim.StepSize;
import org.descent.testing.Bounded;
import org.descent.testing.FuzzFiles;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes checkpoints: each input is restored into a fresh 2 → 3 → 2 network with Adam (first
 * byte even) or momentum (odd); it must restore or be refused, and a refused checkpoint must
 * leave the network's weights as they were (checked, not assumed).
 */
@Tag("fuzz")
class CheckpointFuzzTest {
    static {
        // Class loading and first-use initialization are not the input's doing: done once, unmeasured.
        Bounded.warmUp(() -> fuzzerTestOneInput(new byte[] {0, 8, 0, 0, 0, 0, 0, 0, 0, '{', '}', ' ', ' ', ' ', ' ', ' ', ' '}));
    }

    @FuzzTest(maxDuration = "4s")
    void checkpoint(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of the standalone Jazzer driver ({@code tools/fuzz}). */
    public static void fuzzerTestOneInput(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Sequential network = new Sequential(new Linear(2, 3, new Random(1)), new Relu(), new Linear(3, 2, new Random(2)));
        Optimizer optimizer = (input[0] & 1) == 0 ? new Adam(network.parameters(), 0.01)
                : new GradientDescent(network.parameters(), GradientDescentConfig.of(StepSize.constant(0.1)).withMomentum(0.9));
        byte[] file = java.util.Arrays.copyOfRange(input, 1, input.length);
        Path path = FuzzFiles.write("run.ckpt", file);
        String before = weights(network);
        var refused = Bounded.check(file.length, () -> Checkpoint.restore(path, network, optimizer));
        if (refused != null && !before.equals(weights(network))) {
            throw new AssertionError("a refused checkpoint changed the weights: " + refused.getMessage());
        }
    }

    private static String weights(Sequential network) {
        StringBuilder values = new StringBuilder();
        network.namedParameters().forEach((name, p) -> values.append(name).append(java.util.Arrays.toString(p.value().toDoubleArray())));
        return values.toString();
    }
}
