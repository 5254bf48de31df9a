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
     * caller. Only a helper still awake from its last job takes part
     * ({@link KernelThreads#forEachShort}): handing ranges to it costs a few microseconds, waking
     * a parked one 30–100. With that, the fold and the update of 784-256-128-10 (235k parameters)
     * on both threads made batch 128 on 2 threads 1.47–1.50× one thread, against 1.22–1.27× with
     * them on the caller (AMD EPYC Zen 5, 2026-12-07), although each range runs slower beside the
     * other thread: the gradients and weights cross between the cores' caches.
     */
    static final int PARALLEL_FROM = 1 << 16;

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
     * Calls {@code body.accept(range)} for every range, on the kernel threads that are awake if
     * there are {@link #PARALLEL_FROM} elements or more, else on the caller; returns when all are done.
     */
    public void forEach(IntConsumer body) {
        if (parallel) {
            KernelThreads.forEachShort(array.length, body);
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
