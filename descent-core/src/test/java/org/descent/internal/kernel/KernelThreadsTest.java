package org.descent.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KernelThreadsTest {

    @AfterEach
    void oneThreadAgain() {
        KernelThreads.setThreads(1);
    }

    @Test
    void everyPieceRunsExactlyOnceWithAnyThreadCount() {
        for (int threads = 1; threads <= 3; threads++) {
            KernelThreads.setThreads(threads);
            for (int round = 0; round < 50; round++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(37);
                KernelThreads.forEach(runs.length(), runs::incrementAndGet);
                for (int i = 0; i < runs.length(); i++) {
                    assertEquals(1, runs.get(i), "piece " + i + " with " + threads + " threads");
                }
            }
        }
    }

    /** A job posted while the helpers are busy (a product inside a chunk) may be replaced unseen: its caller finishes it. */
    @Test
    void jobsPostedInsidePiecesFinishEveryPieceOnce() {
        for (int threads = 2; threads <= 3; threads++) {
            KernelThreads.setThreads(threads);
            for (int round = 0; round < 50; round++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(4 * 23);
                KernelThreads.forEach(4, outer -> KernelThreads.forEach(23, inner -> runs.incrementAndGet(outer * 23 + inner)));
                for (int i = 0; i < runs.length(); i++) {
                    assertEquals(1, runs.get(i), "piece " + i + " with " + threads + " threads");
                }
            }
        }
    }

    @Test
    void aFailingPieceFailsTheCallAfterTheOthersFinish() {
        KernelThreads.setThreads(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(8);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KernelThreads.forEach(8, i -> {
            runs.incrementAndGet(i);
            if (i == 5) {
                throw new IllegalStateException("piece 5");
            }
        }));
        assertEquals("piece 5", e.getMessage());
        for (int i = 0; i < 8; i++) {
            assertEquals(1, runs.get(i), "piece " + i);
        }
    }
}
