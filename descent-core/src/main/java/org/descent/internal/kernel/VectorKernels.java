package org.descent.internal.kernel;

import java.util.Arrays;

/**
 * Kernels on the Vector API ({@code jdk.incubator.vector}, at the width of {@link VectorTiles}):
 * {@code x·Wᵀ} for at most {@link VectorRowProduct#MAX_ROWS} rows (one-row inference) takes
 * {@link VectorRowProduct}, dot products of rows where they lie; otherwise a blocked, packed, register-tiled float32 GEMM ({@link VectorGemm}) whose output tiles are
 * spread over {@link KernelThreads#threads()} when the product is large enough to gain from it;
 * small-batch products {@code x·Wᵀ} below that size take {@link VectorSmallBatchGemm}, which
 * does not pack W, and products of few rows and shallow depth with a row-major B (the backward
 * {@code dZ·W} and {@code dZᵀ·a} of a narrow output layer) take {@link VectorDirectGemm}, which
 * packs nothing.
 * float64 stays on {@link ScalarKernels}: it serves gradient checks, not speed.
 * The float32 element-wise operations and reductions are {@link VectorElementwise}.
 *
 * <p>Loaded only by {@link KernelProvider} after it has checked that the module is present.
 */
final class VectorKernels implements Kernels {
    /**
     * Multiply-adds below which a product runs on the calling thread alone: 2²⁵, about 0.3 ms of
     * work. Smaller products gained nothing from a second thread when another process held one of
     * the two cores (the helper loses its core for a time slice while the caller waits for its piece).
     */
    static final long PARALLEL_THRESHOLD = VectorTiles.WIDTH.parallelThreshold();

    VectorKernels() {
        useEveryOperation(this);
    }

    /**
     * Runs every kernel once, on small arrays, before C2 compiles any of them. The Vector API fills
     * a cache on each operation's first use ({@code VectorOperators.ImplCache.find}); a first use
     * met in compiled code deoptimizes it with a class-check trap, and after four such traps C2
     * stops speculating on vector classes in everything that inlines the lookup, which leaves about
     * half of a micro-kernel's stores without their intrinsic: half speed for the rest of the run.
     * Left to the first training step, the lookup was compiled (it runs for every vector operation)
     * before the step's last operations were first used in about half the JVM runs
     * (docs/PERFORMANCE.md, "Run-to-run variation"). So the element-wise kernels go first, a few
     * hundred operations each, and the products last, on the smallest shapes that still take
     * each path and a register transpose. A kernel vectorized later must be added here
     * ({@code VectorKernelsTest} checks that every one is).
     */
    static void useEveryOperation(Kernels kernels) {
        int n = 17; // a whole register block (at most 16) and a tail; more rows than the row product takes
        float[] x = new float[n * n];
        float[] y = new float[n * n];
        float[] z = new float[n * n];
        kernels.addBias(z, x, n, n);
        kernels.relu(x, y, z.length);
        kernels.reluGradient(x, y, z, z.length);
        kernels.sigmoid(x, y, z.length);
        kernels.tanh(x, y, z.length);
        kernels.exp(x, y, z.length);
        kernels.columnSums(x, y, n, n);
        kernels.columnAffine(x, y, z, y, x, 2, n, true);
        kernels.columnAffineGradient(x, y, z, y, z, y, x, y, 2, n);
        kernels.columnGradientSums(x, y, z, x, y, z, 0, 2, n);
        kernels.gemm(x, y, z, 1, 5, n, false, true); // VectorRowProduct: four rows and one, whole vectors and a tail
        kernels.gemm(x, y, z, 16, 1, 16, false, true); // VectorSmallBatchGemm, with register transposes
        kernels.gemm(x, y, z, 1, VectorMicroKernel.NR, 1, false, false); // VectorDirectGemm
        kernels.gemm(x, y, z, 1, 1, 1, true, true); // VectorGemm
    }

    @Override
    public String name() {
        VectorWidth width = VectorTiles.WIDTH;
        String forced = VectorWidth.requested().isPresent() ? ", forced by " + VectorWidth.PROPERTY : "";
        String emulated = width.bits() > VectorTiles.PREFERRED_BITS ? "; this CPU's widest is " + VectorTiles.PREFERRED_BITS
                + " bits, so these vectors are emulated and slow" : "";
        return "Vector API (" + width.describe() + forced + "; " + VectorTiles.CACHES + emulated + ")";
    }

    @Override
    public void gemm(float[] a, float[] b, float[] c, int m, int n, int k, boolean transA, boolean transB) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c, 0, m * n, 0f);
            return;
        }
        long work = (long) m * n * k;
        if (VectorRowProduct.serves(m, transA, transB)) {
            VectorRowProduct.multiply(a, b, c, m, n, k);
            return;
        }
        if (work < PARALLEL_THRESHOLD && VectorSmallBatchGemm.serves(m, transA, transB)) {
            VectorSmallBatchGemm.multiply(a, b, c, m, n, k);
            return;
        }
        if (work < PARALLEL_THRESHOLD && VectorDirectGemm.serves(m, n, k, transB)) {
            VectorDirectGemm.multiply(a, b, c, m, n, k, transA);
            return;
        }
        VectorGemm gemm = VectorGemm.prepare(a, b, c, m, n, k, transA, transB);
        int tiles = gemm.tileCount();
        if (work >= PARALLEL_THRESHOLD && tiles > 1 && KernelThreads.threads() > 1) {
            KernelThreads.forEach(tiles, gemm::tile);
        } else {
            for (int t = 0; t < tiles; t++) {
                gemm.tile(t);
            }
        }
    }

    @Override
    public void gemm(double[] a, double[] b, double[] c, int m, int n, int k, boolean transA, boolean transB) {
        ScalarKernels.INSTANCE.gemm(a, b, c, m, n, k, transA, transB);
    }

    // ---- float32 element-wise operations and reductions (VectorElementwise; the σ and tanh
    // gradients and axpy keep the interface's plain loops) ----

    @Override
    public void addBias(float[] z, float[] bias, int rows, int cols) {
        VectorElementwise.addBias(z, bias, rows, cols);
    }

    @Override
    public void relu(float[] x, float[] y, int n) {
        VectorElementwise.relu(x, y, n);
    }

    @Override
    public void sigmoid(float[] x, float[] y, int n) {
        VectorElementwise.sigmoid(x, y, n);
    }

    @Override
    public void tanh(float[] x, float[] y, int n) {
        VectorElementwise.tanh(x, y, n);
    }

    @Override
    public void exp(float[] x, float[] y, int n) {
        VectorElementwise.exp(x, y, n);
    }

    @Override
    public void reluGradient(float[] g, float[] z, float[] d, int n) {
        VectorElementwise.reluGradient(g, z, d, n);
    }

    @Override
    public void columnSums(float[] x, float[] sums, int rows, int cols) {
        VectorElementwise.columnSums(x, sums, rows, cols);
    }

    @Override
    public void columnAffine(float[] p, float[] a, float[] pm, float[] k, float[] out, int rows, int cols, boolean relu) {
        VectorNormalization.columnAffine(p, a, pm, k, out, rows, cols, relu);
    }

    @Override
    public void columnAffineGradient(float[] g, float[] a, float[] x, float[] b, float[] m, float[] k, float[] mask,
            float[] out, int rows, int cols) {
        VectorNormalization.columnAffineGradient(g, a, x, b, m, k, mask, out, rows, cols);
    }

    @Override
    public void columnGradientSums(float[] g, float[] x, float[] centre, float[] mask, float[] sumG, float[] sumGX,
            int from, int to, int cols) {
        VectorNormalization.columnGradientSums(g, x, centre, mask, sumG, sumGX, from, to, cols);
    }
}
