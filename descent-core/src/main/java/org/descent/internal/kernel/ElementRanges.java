package org.descent.internal.kernel;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Arrays of the given sizes (a network's parameters, say) cut into ranges of at most
 * {@link #MAX_RANGE} elements, for element-wise loops over all of them, spread over the kernel
 * threads: the fold of a step's gradients and the optimizer's update. The cut depends only on
 * the sizes, and each element is computed by one thread as on one thread, so the results are
 * the same for any thread count.
 */
public final class ElementRanges {
    /**
     * Elements per range at most: 32 Ki floats (128 KiB), small enough that the 784×256 weight of
     * the benchmark MLP is seven ranges for the threads to share, large enough that a range's
     * loop runs long beside the cost of handing it out.
     */
    static final int MAX_RANGE = 1 << 15;
    /**
     * Elements in all at least for the ranges to go to the kernel threads; fewer run on the
     * caller. Handing the ranges out and waiting for the last costs about 10–15 µs on this VM,
     * and two cores update about a third faster than one: 784-256-128-10 (235k parameters) took
     * 37–41 µs a step's update on 2 threads against 31 µs on one, 784-2048-2048-10 (5.8 M)
     * 1.0–1.2 ms against 1.5–1.6 ms (AMD EPYC Zen 5, 2026-12-07): even at about 300k.
     */
    static final int PARALLEL_FROM = 1 << 19;

    private final int[] sizes;
    private final boolean parallel;
    private final int[] array;
    private final int[] from;

    private ElementRanges(int[] sizes, int[] array, int[] from) {
        this.sizes = sizes;
        this.parallel = Arrays.stream(sizes).asLongStream().sum() >= PARALLEL_FROM;
        this.array = array;
        this.from = from;
    }

    /** The ranges of arrays of {@code sizes} elements (an empty array has none). */
    public static ElementRanges of(int... sizes) {
        int count = 0;
        for (int size : sizes) {
            count += (size + MAX_RANGE - 1) / MAX_RANGE;
        }
        int[] array = new int[count];
        int[] from = new int[count];
        int r = 0;
        for (int a = 0; a < sizes.length; a++) {
            for (int start = 0; start < sizes[a]; start += MAX_RANGE) {
                array[r] = a;
                from[r++] = start;
            }
        }
        return new ElementRanges(sizes.clone(), array, from);
    }

    /**
     * Calls {@code body.accept(range)} for every range, on the kernel threads if there are
     * {@link #PARALLEL_FROM} elements or more, else on the caller; returns when all are done.
     */
    public void forEach(IntConsumer body) {
        if (parallel) {
            KernelThreads.forEach(array.length, body);
        } else {
            for (int r = 0; r < array.length; r++) {
                body.accept(r);
            }
        }
    }

    /** The number of ranges. */
    public int count() {
        return array.length;
    }

    /** The array that range {@code r} is part of (its index in the sizes). */
    public int array(int r) {
        return array[r];
    }

    /** The first element of range {@code r}. */
    public int from(int r) {
        return from[r];
    }

    /** One past the last element of range {@code r}. */
    public int to(int r) {
        return Math.min(from[r] + MAX_RANGE, sizes[array[r]]);
    }
}
