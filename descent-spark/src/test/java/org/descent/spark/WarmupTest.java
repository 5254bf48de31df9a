package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.loss.CrossEntropy;
import org.descent.nn.LayerSpec;
import org.descent.optim.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The warm-up of a packing task: it runs until it is closed (the shard packed), and its failure is the task's. */
class WarmupTest {
    private static final NetworkSpec SPEC = Model.create(new NetworkSpec(64, List.of(LayerSpec.linear(16),
            LayerSpec.activation("relu"), LayerSpec.linear(10)), "classification", "cross-entropy", 10, List.of(), null),
            new Random(1)).spec();

    @Test
    void noStepsNoWarmup() {
        assertNull(Warmup.of(SPEC, CrossEntropy::new, p -> new Adam(p, 0.001), 64, 0));
    }

    /** Without the close, a warm-up of that many steps would run for its five seconds; the bound only keeps a hang short. */
    @Test
    @Timeout(60)
    void closingStopsAWarmupThatHasStepsLeft() {
        Warmup warmup = Warmup.of(SPEC, CrossEntropy::new, p -> new Adam(p, 0.001), 64, Integer.MAX_VALUE);
        try (Warmup.Running running = warmup.start(3)) {
            assertTrue(running != null);
        }
    }

    @Test
    void aFailedWarmupFailsThePackingTaskWithItsCause() {
        LossFactory broken = () -> {
            throw new DescentException("no loss here");
        };
        Warmup warmup = Warmup.of(SPEC, broken, p -> new Adam(p, 0.001), 64, 10);
        DescentException e = assertThrows(DescentException.class, () -> warmup.start(1).close());
        assertTrue(e.getMessage().contains("the executor's warm-up failed: no loss here"), e.getMessage());
    }
}
