package org.descent.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
                AtomicIntegerArray shortRuns = new AtomicIntegerArray(37);
                KernelThreads.forEachShort(shortRuns.length(), shortRuns::incrementAndGet);
                for (int i = 0; i < runs.length(); i++) {
                    assertEquals(1, runs.get(i), "piece " + i + " with " + threads + " threads");
                    assertEquals(1, shortRuns.get(i), "short job's piece " + i + " with " + threads + " threads");
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

    /** With every helper on the outer job, a job inside a piece queues nothing: the piece's thread runs it all. */
    @Test
    void aJobInsideAPieceRunsOnThatPiecesThreadWhenNoHelperIsFree() {
        KernelThreads.setThreads(2);
        for (int round = 0; round < 50; round++) {
            while (KernelThreads.helpersTaken() > 0) {
                Thread.onSpinWait();   // the last round's helper is still leaving
            }
            Thread[] outerThreads = new Thread[2];
            Thread[][] innerThreads = new Thread[2][23];
            CountDownLatch bothRunning = new CountDownLatch(2);
            CountDownLatch bothDone = new CountDownLatch(2);
            KernelThreads.forEach(2, outer -> {
                outerThreads[outer] = Thread.currentThread();
                bothRunning.countDown();
                awaitQuietly(bothRunning);   // the caller cannot take both: the helper holds one piece
                KernelThreads.forEach(23, inner -> innerThreads[outer][inner] = Thread.currentThread());
                bothDone.countDown();
                awaitQuietly(bothDone);   // neither leaves its piece (freeing its thread) before the other's job ran
            });
            assertNotEquals(outerThreads[0], outerThreads[1]);
            for (int outer = 0; outer < 2; outer++) {
                for (int inner = 0; inner < 23; inner++) {
                    assertEquals(outerThreads[outer], innerThreads[outer][inner], "piece " + inner + " inside " + outer);
                }
            }
        }
    }

    /** Waking a parked helper costs more than a short job lasts, so the caller runs it alone. */
    @Test
    void aShortJobLeavesAParkedHelperAsleep() throws InterruptedException {
        KernelThreads.setThreads(2);
        KernelThreads.forEach(2, piece -> { });   // starts the helper
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (KernelThreads.helpersParked() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(1, KernelThreads.helpersParked(), "the idle helper never parked");
        Thread[] ranOn = new Thread[16];
        KernelThreads.forEachShort(ranOn.length, piece -> {
            ranOn[piece] = Thread.currentThread();
            sleepQuietly();   // a helper woken by the job would have time to take pieces
        });
        for (int i = 0; i < ranOn.length; i++) {
            assertEquals(Thread.currentThread(), ranOn[i], "piece " + i);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "the other piece never started");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** On helpers and on the calling thread alone (one thread, or no helper free) alike. */
    @Test
    void aFailingPieceFailsTheCallAfterTheOthersFinish() {
        for (int threads : new int[] {1, 2}) {
            KernelThreads.setThreads(threads);
            AtomicIntegerArray runs = new AtomicIntegerArray(8);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> KernelThreads.forEach(8, i -> {
                runs.incrementAndGet(i);
                if (i == 5) {
                    throw new IllegalStateException("piece 5");
                }
            }));
            assertEquals("piece 5", e.getMessage());
            for (int i = 0; i < 8; i++) {
                assertEquals(1, runs.get(i), "piece " + i + ", " + threads + " thread(s)");
            }
        }
    }
}
