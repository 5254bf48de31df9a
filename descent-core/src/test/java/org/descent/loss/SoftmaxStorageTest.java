package org.descent.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.autograd.Backprop;
import org.descent.autograd.NoGrad;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The float32 fused cross-entropy reuses its softmax storage without changing any result. The
 * storage is per thread, so the tests that rely on it being free at the start run in a new thread
 * (a graph some other test left without a backward pass keeps its thread's storage taken).
 */
class SoftmaxStorageTest {
    private static final int ROWS = 33;
    private static final int CLASSES = 17;

    private static Tensor logits(long seed) {
        return Tensor.uniform(new Random(seed), -30, 30, DType.FLOAT32, ROWS, CLASSES).requiresGrad(true);
    }

    private static Tensor target(long seed) {
        Random random = new Random(seed);
        int[] labels = new int[ROWS];
        for (int n = 0; n < ROWS; n++) {
            labels[n] = random.nextInt(CLASSES);
        }
        return new CrossEntropy(0.01).smoothed(CrossEntropy.targets(labels, CLASSES));
    }

    private static double[] gradient(Tensor loss, Tensor z) {
        return Backprop.gradients(loss, Tensor.scalar(1, DType.FLOAT32), List.of(z), false)[0].toDoubleArray();
    }

    /** The gradient from the float64 formula, rounded as the float32 one may be. */
    private static double[] reference(Tensor z, Tensor d) {
        Tensor z64 = z.copy(DType.FLOAT64).requiresGrad(true);
        Tensor loss = SoftmaxCrossEntropy.apply(z64, d.copy(DType.FLOAT64));
        return Backprop.gradients(loss, Tensor.scalar(1, DType.FLOAT64), List.of(z64), false)[0].toDoubleArray();
    }

    @Test
    void float32AgreesWithFloat64() {
        Tensor z = logits(1);
        Tensor d = target(2);
        Tensor loss = SoftmaxCrossEntropy.apply(z, d);
        Tensor loss64 = SoftmaxCrossEntropy.apply(z.copy(DType.FLOAT64), d.copy(DType.FLOAT64));
        assertEquals(loss64.item(), loss.item(), 1e-6 * Math.abs(loss64.item()));
        assertArrayEquals(reference(z, d), gradient(loss, z), 1e-8);
    }

    @Test
    void twoGraphsAliveAtOnceAreBothRight() throws InterruptedException {
        onNewThread(SoftmaxStorageTest::backwardThroughTwoGraphsInReverseOrder);
    }

    private static void backwardThroughTwoGraphsInReverseOrder() {
        Tensor z1 = logits(1);
        Tensor z2 = logits(3);
        Tensor d = target(2);
        Tensor first = SoftmaxCrossEntropy.apply(z1, d);
        Tensor second = SoftmaxCrossEntropy.apply(z2, d);
        assertArrayEquals(reference(z2, d), gradient(second, z2), 1e-8);
        assertArrayEquals(reference(z1, d), gradient(first, z1), 1e-8);
    }

    @Test
    void aLossWithoutGraphInBetweenChangesNothing() throws InterruptedException {
        onNewThread(SoftmaxStorageTest::lossWithoutGraphBetweenForwardAndBackward);
    }

    private static void lossWithoutGraphBetweenForwardAndBackward() {
        Tensor z1 = logits(1);
        Tensor d = target(2);
        Tensor withGraph = SoftmaxCrossEntropy.apply(z1, d);
        try (NoGrad scope = NoGrad.enter()) {
            Tensor z2 = logits(3);
            assertEquals(SoftmaxCrossEntropy.apply(z2.copy(DType.FLOAT64), d.copy(DType.FLOAT64)).item(),
                    SoftmaxCrossEntropy.apply(z2, d).item(), 1e-5);
        }
        assertArrayEquals(reference(z1, d), gradient(withGraph, z1), 1e-8);
    }

    /** Runs {@code body} on a new thread, which starts with free storage, and rethrows what it throws. */
    private static void onNewThread(Runnable body) throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        thread.start();
        thread.join();
        if (failure[0] instanceof Error error) {
            throw error;
        }
        if (failure[0] instanceof RuntimeException exception) {
            throw exception;
        }
    }

    @Test
    void returnedGradientsAreNeverOverwritten() throws InterruptedException {
        onNewThread(SoftmaxStorageTest::gradientsOfLaterStepsLeaveAnEarlierOneAlone);
    }

    private static void gradientsOfLaterStepsLeaveAnEarlierOneAlone() {
        Tensor d = target(2);
        Tensor z1 = logits(1);
        double[] kept = gradient(SoftmaxCrossEntropy.apply(z1, d), z1);
        Tensor returned = Backprop.gradients(SoftmaxCrossEntropy.apply(z1, d), Tensor.scalar(1, DType.FLOAT32),
                List.of(z1), false)[0];
        for (long seed = 3; seed < 6; seed++) {
            Tensor z = logits(seed);
            gradient(SoftmaxCrossEntropy.apply(z, d), z);
        }
        assertArrayEquals(kept, returned.toDoubleArray(), 0.0);
    }

    @Test
    void backwardThroughAGraphWhoseSoftmaxWasReusedIsRefused() throws InterruptedException {
        onNewThread(SoftmaxStorageTest::refuseAStaleGraph);
    }

    private static void refuseAStaleGraph() {
        Tensor d = target(2);
        Tensor z1 = logits(1);
        Tensor old = SoftmaxCrossEntropy.apply(z1, d);
        gradient(old, z1);
        Tensor z2 = logits(3);
        Tensor current = SoftmaxCrossEntropy.apply(z2, d);
        DescentException e = assertThrows(DescentException.class, () -> gradient(old, z1));
        assertEquals(true, e.getMessage().startsWith("cross_entropy: backward through a graph"), e.getMessage());
        assertArrayEquals(reference(z2, d), gradient(current, z2), 1e-8);
    }
}
