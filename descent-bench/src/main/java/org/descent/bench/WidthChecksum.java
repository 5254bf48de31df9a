package org.descent.bench;

import java.util.Random;
import org.descent.internal.kernel.Kernels;

/**
 * A checksum of the kernels' results (12 shapes of 1–600 rows in all four transpositions, and
 * exp, tanh, σ of 10⁴ values; zero signs ignored), to compare vector widths: run
 * {@code java --add-modules jdk.incubator.vector -Ddescent.vectorBits=128 -cp benchmarks.jar
 * org.descent.bench.WidthChecksum}, then with 256 and 512. Equal checksums mean bitwise equal
 * results.
 */
public final class WidthChecksum {
    private static final int[][] SHAPES = {{1, 256, 784}, {3, 10, 128}, {5, 256, 784}, {8, 128, 256}, {9, 256, 784},
        {32, 256, 784}, {64, 64, 784}, {65, 10, 128}, {128, 256, 784}, {129, 128, 256}, {200, 300, 600},
        {600, 1100, 300}};

    private WidthChecksum() {
    }

    public static void main(String[] args) {
        Kernels kernels = Kernels.active();
        Random random = new Random(3);
        long hash = 0;
        for (int[] s : SHAPES) {
            for (int t = 0; t < 4; t++) {
                int m = s[0];
                int n = s[1];
                int k = s[2];
                float[] a = gaussian(random, m * k, 1);
                float[] b = gaussian(random, k * n, 1);
                float[] c = new float[m * n];
                kernels.gemm(a, b, c, m, n, k, (t & 1) != 0, (t & 2) != 0);
                hash = add(hash, c);
            }
        }
        float[] x = gaussian(random, 10007, 10);
        float[] y = new float[x.length];
        kernels.exp(x, y, x.length);
        hash = add(hash, y);
        kernels.tanh(x, y, x.length);
        hash = add(hash, y);
        kernels.sigmoid(x, y, x.length);
        hash = add(hash, y);
        System.out.println(kernels.name() + " checksum=" + Long.toHexString(hash));
    }

    private static float[] gaussian(Random random, int size, double scale) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (random.nextGaussian() * scale);
        }
        return x;
    }

    private static long add(long hash, float[] values) {
        for (float v : values) {
            hash = hash * 31 + Float.floatToRawIntBits(v == 0f ? 0f : v);
        }
        return hash;
    }
}
