package org.descent.internal.kernel;

/**
 * The numeric kernels behind tensor operations. Callers go through {@link #active()}, so a
 * faster implementation (Vector API, several threads) can replace the scalar one without
 * touching them.
 *
 * <p>The float32 element-wise operations and reductions serve the training hot path (fused
 * layers, softmax, optimizer updates). Those made of +, −, ×, ÷ and comparisons are rounded
 * exactly as written, so every implementation gives bitwise the same results; {@code exp},
 * {@code sigmoid} and {@code tanh} may differ between implementations by a few units in the
 * last place, but each value depends only on its input, never on its position or on the array
 * length. None of them uses more than the calling thread. Arrays may be longer than {@code n};
 * an output array may be the input array itself. They default to plain loops
 * ({@link ScalarElementwise}); an implementation overrides those it does faster.
 */
public interface Kernels {

    /**
     * {@code c = op(a) · op(b)}, where op(a) is m×k and op(b) is k×n, all row-major. With
     * {@code transA} a is stored k×m; with {@code transB} b is stored n×k. {@code c} is
     * overwritten.
     */
    void gemm(float[] a, float[] b, float[] c, int m, int n, int k, boolean transA, boolean transB);

    /** The float64 twin of {@link #gemm(float[], float[], float[], int, int, int, boolean, boolean)}. */
    void gemm(double[] a, double[] b, double[] c, int m, int n, int k, boolean transA, boolean transB);

    /** {@code z[r·cols + j] += bias[j]} for each of the {@code rows} rows: a bias added to every sample. */
    default void addBias(float[] z, float[] bias, int rows, int cols) {
        ScalarElementwise.addBias(z, bias, rows, cols);
    }

    /** {@code y = relu(x) = x > 0 ? x : +0}, so relu(NaN) = 0 and relu(−0) = +0, as {@code Tensor.relu()}. */
    default void relu(float[] x, float[] y, int n) {
        ScalarElementwise.relu(x, y, n);
    }

    /** {@code y = σ(x) = 1 / (1 + e^−x)}, computed as {@code e^x / (1 + e^x)} for x &lt; 0 so nothing overflows. */
    default void sigmoid(float[] x, float[] y, int n) {
        ScalarElementwise.sigmoid(x, y, n);
    }

    /** {@code y = tanh(x)}. */
    default void tanh(float[] x, float[] y, int n) {
        ScalarElementwise.tanh(x, y, n);
    }

    /** {@code y = e^x}. */
    default void exp(float[] x, float[] y, int n) {
        ScalarElementwise.exp(x, y, n);
    }

    /** {@code d = z ≥ 0 ? g : 0}: g times the ReLU derivative, taken as 1 at z = 0 (0 for NaN). */
    default void reluGradient(float[] g, float[] z, float[] d, int n) {
        ScalarElementwise.reluGradient(g, z, d, n);
    }

    /** {@code d = g · (a · (1 − a))}: g times the derivative of σ, from its output a. */
    default void sigmoidGradient(float[] g, float[] a, float[] d, int n) {
        ScalarElementwise.sigmoidGradient(g, a, d, n);
    }

    /** {@code d = g · (1 − a · a)}: g times the derivative of tanh, from its output a. */
    default void tanhGradient(float[] g, float[] a, float[] d, int n) {
        ScalarElementwise.tanhGradient(g, a, d, n);
    }

    /**
     * {@code sums[j] = Σ_r x[r·cols + j]}, each column summed over the rows in order from row 0,
     * so the result does not depend on the implementation: the gradient of a bias.
     */
    default void columnSums(float[] x, float[] sums, int rows, int cols) {
        ScalarElementwise.columnSums(x, sums, rows, cols);
    }

    /** {@code y += alpha · x}, rounded after the product and after the sum (no fused multiply-add). */
    default void axpy(float alpha, float[] x, float[] y, int n) {
        ScalarElementwise.axpy(alpha, x, y, n);
    }

    /**
     * Batch normalization's element-wise map: {@code out[r·cols + j] = a[j] · (p[r·cols + j] − pm[j]) + k[j]},
     * then {@code max(·, 0)} if {@code relu}, rounded as written (no fused multiply-add).
     */
    default void columnAffine(float[] p, float[] a, float[] pm, float[] k, float[] out, int rows, int cols, boolean relu) {
        ScalarNormalization.columnAffine(p, a, pm, k, out, rows, cols, relu);
    }

    /**
     * Batch normalization's input gradient, per element (column j):
     * {@code out = a[j]·g + b[j]·(x − m[j]) + k[j]}, or with a {@code mask} (the output of a fused
     * ReLU) {@code out = (b[j]·(x − m[j]) + k[j]) + (mask > 0 ? a[j]·g : 0)}, rounded as written.
     */
    default void columnAffineGradient(float[] g, float[] a, float[] x, float[] b, float[] m, float[] k, float[] mask,
            float[] out, int rows, int cols) {
        ScalarNormalization.columnAffineGradient(g, a, x, b, m, k, mask, out, rows, cols);
    }

    /**
     * For rows {@code from} to {@code to − 1} in order: {@code sumG[j] += g'} and
     * {@code sumGX[j] += g' · (x − centre[j])}, with {@code g' = g}, or 0 where a {@code mask}
     * (the output of a fused ReLU) is not positive: batch normalization's gradient sums.
     */
    default void columnGradientSums(float[] g, float[] x, float[] centre, float[] mask, float[] sumG, float[] sumGX,
            int from, int to, int cols) {
        ScalarNormalization.columnGradientSums(g, x, centre, mask, sumG, sumGX, from, to, cols);
    }

    /** A short name for logs, e.g. "scalar". */
    String name();

    /**
     * The implementation in use, chosen once at start-up: the Vector API kernels when the JVM
     * runs with {@code --add-modules jdk.incubator.vector}, else plain scalar loops (same
     * results up to float rounding), at the width {@value VectorWidth#PROPERTY} forces if set.
     * The choice is logged once at INFO.
     *
     * @throws org.descent.DescentException if {@value VectorWidth#PROPERTY} is not 128, 256 or 512
     */
    static Kernels active() {
        return KernelProvider.active();
    }
}
