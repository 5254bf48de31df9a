package org.descent.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VectorKernelsTest {
    private static final Kernels SCALAR = KernelProvider.create(false);
    private static final Kernels VECTOR = KernelProvider.create(true);

    @AfterEach
    void singleThread() {
        KernelThreads.setThreads(1);
    }

    @Test
    void vectorKernelsAreActiveWhenTheModuleIsPresent() {
        assertTrue(KernelProvider.vectorModulePresent(), "Surefire should pass --add-modules jdk.incubator.vector");
        assertTrue(VECTOR instanceof VectorKernels, VECTOR.name());
        assertSame(VECTOR.getClass(), Kernels.active().getClass());
    }

    /**
     * The start-up run must reach every vectorized kernel and each of the three product paths
     * before C2 compiles the Vector API's operation lookup: an operation first used later costs
     * half the kernels' speed for the rest of the run (see {@link VectorKernels#useEveryOperation}).
     */
    @Test
    void startUpUsesEveryVectorizedKernelAndEveryProductPath() {
        Set<String> used = new TreeSet<>();
        List<Object[]> products = new ArrayList<>();
        Kernels recorder = (Kernels) Proxy.newProxyInstance(Kernels.class.getClassLoader(), new Class<?>[] {Kernels.class},
                (proxy, method, args) -> {
                    used.add(signature(method));
                    if (method.getName().equals("gemm")) {
                        products.add(args);
                    }
                    return null;
                });
        VectorKernels.useEveryOperation(recorder);

        Set<String> vectorized = Arrays.stream(VectorKernels.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.getName().equals("name"))
                .filter(m -> m.getParameterCount() == 0 || m.getParameterTypes()[0] == float[].class)
                .map(VectorKernelsTest::signature)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(vectorized, used);

        Set<String> paths = products.stream().map(VectorKernelsTest::path).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("row product", "direct", "packed", "small batch"), paths);
        assertTrue(products.stream().anyMatch(p -> path(p).equals("small batch")
                && (int) p[3] >= VectorTranspose.BLOCK && (int) p[5] >= VectorTranspose.BLOCK), "a register transpose");
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.toString(method.getParameterTypes());
    }

    /** Which of {@link VectorKernels#gemm}'s paths the arguments (a, b, c, m, n, k, transA, transB) take. */
    private static String path(Object[] gemm) {
        int m = (int) gemm[3];
        int n = (int) gemm[4];
        int k = (int) gemm[5];
        boolean transA = (boolean) gemm[6];
        boolean transB = (boolean) gemm[7];
        if (VectorRowProduct.serves(m, transA, transB)) {
            return "row product";
        }
        if (VectorSmallBatchGemm.serves(m, transA, transB)) {
            return "small batch";
        }
        return VectorDirectGemm.serves(m, n, k, transB) ? "direct" : "packed";
    }

    @Test
    void scalarFallbackWithoutTheModule() {
        assertSame(ScalarKernels.INSTANCE, SCALAR);
    }

    @Test
    void matchesScalarOnManyShapesAndAllTranspositions() {
        Random random = new Random(7);
        List<int[]> shapes = new ArrayList<>(List.of(
                new int[] {1, 1, 1}, new int[] {1, 1, 300}, new int[] {5, 7, 1}, new int[] {1, 33, 1},
                new int[] {300, 3, 2}, new int[] {2, 300, 5}, new int[] {1000, 1, 9}, new int[] {9, 17, 513},
                new int[] {65, 129, 257}, new int[] {64, 128, 256}, new int[] {128, 10, 128}, new int[] {31, 33, 35},
                new int[] {32, 10, 128}, new int[] {64, 24, 600}, new int[] {33, 17, 513}, new int[] {65, 9, 40}));
        for (int i = 0; i < 40; i++) {
            shapes.add(new int[] {1 + random.nextInt(90), 1 + random.nextInt(90), 1 + random.nextInt(300)});
        }
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                assertClose(random, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0);
            }
        }
    }

    @Test
    void matchesScalarAroundTheSmallBatchAndTransposeSizes() {
        Random random = new Random(13);
        int[] rows = {1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129};
        int[] columns = {1, 7, 9, 10, 16, 17, 33};
        int[] depths = {1, 15, 16, 17, 255, 256, 257, 784};
        for (int m : rows) {
            for (int n : columns) {
                for (int k : depths) {
                    assertClose(random, m, n, k, false, true);
                }
            }
        }
        for (int[] s : List.of(new int[] {128, 256, 784}, new int[] {96, 64, 784}, new int[] {48, 48, 48},
                new int[] {128, 10, 128}, new int[] {32, 64, 784})) {
            for (int t = 0; t < 4; t++) {
                assertClose(random, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0);
            }
        }
    }

    @Test
    void matchesScalarAroundTheUnpackedPathSizes() {
        Random random = new Random(17);
        int[] rows = {1, 7, 8, 9, 10, 31, 32, 33, 63, 64, 65};
        int[] columns = {31, 32, 33, 47, 64, 784};
        int[] depths = {1, 10, 32, 255, 256, 257};
        for (int m : rows) {
            for (int n : columns) {
                for (int k : depths) {
                    for (int t = 0; t < 2; t++) {
                        assertClose(random, m, n, k, t == 1, false);
                    }
                }
            }
        }
    }

    /**
     * Shapes around this run's register tile, C tiles and path thresholds (which differ per
     * width: 8×32 tiles at 512 bits, 8×16 at 256 with 32 vector registers and 6×16 with 16, 6×8
     * at 128), so a wrong edge in any width's path fails under that width's Surefire execution.
     */
    @Test
    void matchesScalarAroundThisWidthsTileSizes() {
        Random random = new Random(19);
        int mr = VectorMicroKernel.MR;
        int nr = VectorMicroKernel.NR;
        int[] rows = {mr - 1, mr, mr + 1, 2 * mr + 1, VectorGemm.SMALL_TILE_ROWS - 1, VectorGemm.SMALL_TILE_ROWS + mr - 1,
            VectorSmallBatchGemm.MAX_ROWS, VectorSmallBatchGemm.MAX_ROWS + 1, VectorDirectGemm.MAX_ROWS + 1};
        int[] columns = {nr - 1, nr, nr + 1, VectorGemm.SMALL_TILE_COLUMNS + 1, 2 * nr + VectorTiles.LANES};
        int[] depths = {1, VectorGemm.KC, VectorGemm.KC + 1};
        for (int m : rows) {
            for (int n : columns) {
                for (int k : depths) {
                    for (int t = 0; t < 4; t++) {
                        assertClose(random, m, n, k, (t & 1) != 0, (t & 2) != 0);
                    }
                }
            }
        }
    }

    /** A product large enough for the large C tiles (mc × nc from the L2 size), with partial tiles at both edges. */
    @Test
    void matchesScalarWithTheLargeTiles() {
        Random random = new Random(23);
        int m = 2 * VectorGemm.LARGE_TILE_ROWS + VectorMicroKernel.MR + 1;
        int n = 2 * VectorGemm.LARGE_TILE_COLUMNS + 3;
        assertClose(random, m, n, VectorGemm.KC + 5, false, false); // two depth blocks: the second adds
        for (int t = 1; t < 4; t++) {
            assertClose(random, m, n, 7, (t & 1) != 0, (t & 2) != 0);
        }
    }

    @Test
    void bitwiseIdenticalWithOneAndTwoThreads() {
        Random random = new Random(11);
        // 400·300·300 multiply-adds: above the parallel threshold, so the second thread takes part.
        int m = 400;
        int n = 300;
        int k = 300;
        float[] a = randomFloats(random, m * k);
        float[] b = randomFloats(random, k * n);
        for (int t = 0; t < 4; t++) {
            boolean transA = (t & 1) != 0;
            boolean transB = (t & 2) != 0;
            float[] one = new float[m * n];
            KernelThreads.setThreads(1);
            VECTOR.gemm(a, b, one, m, n, k, transA, transB);
            float[] two = new float[m * n];
            KernelThreads.setThreads(2);
            VECTOR.gemm(a, b, two, m, n, k, transA, transB);
            assertArrayEquals(one, two, "transA=" + transA + " transB=" + transB);
        }
    }

    /**
     * Vector and scalar sums differ only in rounding order, so each element must agree to 1e-5
     * relative to the scale of its terms, Σ_p |a_ip · b_pj| (plain relative error is meaningless
     * where the terms cancel).
     */
    private static void assertClose(Random random, int m, int n, int k, boolean transA, boolean transB) {
        float[] a = randomFloats(random, m * k);
        float[] b = randomFloats(random, k * n);
        float[] expected = new float[m * n];
        float[] actual = new float[m * n];
        java.util.Arrays.fill(actual, Float.NaN);
        SCALAR.gemm(a, b, expected, m, n, k, transA, transB);
        VECTOR.gemm(a, b, actual, m, n, k, transA, transB);
        float[] absA = abs(a);
        float[] absB = abs(b);
        float[] scale = new float[m * n];
        SCALAR.gemm(absA, absB, scale, m, n, k, transA, transB);
        for (int i = 0; i < m * n; i++) {
            double error = Math.abs(actual[i] - expected[i]);
            if (!(error <= 1e-5 * Math.max(scale[i], 1e-30))) {
                throw new AssertionError("m=" + m + " n=" + n + " k=" + k + " transA=" + transA + " transB=" + transB
                        + ": element " + i + " is " + actual[i] + ", scalar gives " + expected[i]);
            }
        }
    }

    private static float[] randomFloats(Random random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    private static float[] abs(float[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.abs(x[i]);
        }
        return out;
    }
}
