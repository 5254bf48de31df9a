package org.descent.internal.kernel;

/**
 * The float32 batch-normalization loops of {@link Kernels} as plain loops over (rows, cols)
 * row-major arrays; {@link VectorNormalization} computes the same values with the same float
 * operations in the same order, so both give bitwise the same results.
 */
final class ScalarNormalization {
    private ScalarNormalization() {
    }

    static void columnAffine(float[] p, float[] a, float[] pm, float[] k, float[] out, int rows, int cols, boolean relu) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            if (relu) {
                for (int j = 0; j < cols; j++) {
                    out[o + j] = Math.max(a[j] * (p[o + j] - pm[j]) + k[j], 0f);
                }
            } else {
                for (int j = 0; j < cols; j++) {
                    out[o + j] = a[j] * (p[o + j] - pm[j]) + k[j];
                }
            }
        }
    }

    static void columnAffineGradient(float[] g, float[] a, float[] x, float[] b, float[] m, float[] k, float[] mask,
            float[] out, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            if (mask != null) {
                for (int j = 0; j < cols; j++) {
                    out[o + j] = (b[j] * (x[o + j] - m[j]) + k[j]) + passed(a[j] * g[o + j], mask[o + j]);
                }
            } else {
                for (int j = 0; j < cols; j++) {
                    out[o + j] = a[j] * g[o + j] + b[j] * (x[o + j] - m[j]) + k[j];
                }
            }
        }
    }

    static void columnGradientSums(float[] g, float[] x, float[] centre, float[] mask, float[] sumG, float[] sumGX,
            int from, int to, int cols) {
        for (int r = from; r < to; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                float gv = mask == null ? g[o + j] : passed(g[o + j], mask[o + j]);
                sumG[j] += gv;
                sumGX[j] += gv * (x[o + j] - centre[j]);
            }
        }
    }

    /**
     * {@code value} where the ReLU output {@code relu} is positive, else +0, without a branch (the
     * signs of a ReLU's inputs are a coin toss to the branch predictor): a ReLU output is +0 or
     * positive, so its bits are 0 or a positive int, and {@code (−bits) >> 31} is 0 or all ones.
     */
    static float passed(float value, float relu) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(value) & (-Float.floatToRawIntBits(relu) >> 31));
    }
}
