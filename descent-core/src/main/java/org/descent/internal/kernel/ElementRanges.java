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

    private final int[] sizes;
    private final int[] array;
    private final int[] from;

    private ElementRanges(int[] sizes, int[] array, int[] from) {
        this.sizes = sizes;
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

    /** Whether these are the ranges of arrays of {@code sizes} elements. */
    public boolean cover(int... sizes) {
        return Arrays.equals(this.sizes, sizes);
    }

    /** Calls {@code body.accept(range)} for every range, on the kernel threads; returns when all are done. */
    public void forEach(IntConsumer body) {
        KernelThreads.forEach(array.length, body);
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
