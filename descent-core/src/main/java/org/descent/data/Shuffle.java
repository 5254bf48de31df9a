package org.descent.data;

import java.util.Random;

/** Seeded permutations, the same on every JVM (java.util.Random's sequence is specified). */
final class Shuffle {
    private Shuffle() {
    }

    /** A random generator for the pair (seed, stream), decorrelated by the SplitMix64 finalizer. */
    static Random random(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    /** 0..n−1 in random order. */
    static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    /** Fisher–Yates shuffle in place. */
    static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
