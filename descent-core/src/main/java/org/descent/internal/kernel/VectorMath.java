package org.descent.internal.kernel;

/**
 * e^x, tanh x and σ(x) in float from +, −, ×, ÷, comparisons and bit operations only: the
 * scalar form of what {@link VectorElementwise} computes on vectors with the same operations in
 * the same order, so a vector lane and this code give bitwise the same value (it finishes the
 * elements past the last whole vector). The Vector API's own {@code EXP} and {@code TANH} are not
 * used: compiled by C2 they call an intrinsic whose results differ by an ulp from the fallback
 * that runs before compilation, which made training results depend on JIT timing.
 *
 * <p>e^x after Cephes' {@code expf}: {@code n = round(x log₂e)}, {@code r = x − n ln 2} (ln 2 in
 * two parts, Cody–Waite), {@code e^r ≈ 1 + r + r² P(r)} with P of degree 5, times {@code 2^n}
 * applied in two halves so subnormal results round correctly; x is clamped to [−104, 89], where
 * e^x is already 0 or ∞ in float. tanh after Cephes' {@code tanhf}: {@code x + x³ Q(x²)} for
 * |x| &lt; 0.625, else {@code ±(1 − 2/(e^{2|x|} + 1))}. Within 2 ulps of the float64 functions
 * rounded to float (tested).
 */
final class VectorMath {
    static final float LOG2E = 1.44269504088896341f;
    static final float LN2_HIGH = 0.693359375f;
    static final float LN2_LOW = -2.12194440e-4f;
    /** 1.5 · 2²³: adding and subtracting it rounds a float of magnitude below 2²² to an integer. */
    static final float ROUNDER = 12582912f;
    static final int ROUNDER_BITS = 0x4B400000;
    static final float MAX_ARGUMENT = 89f;
    static final float MIN_ARGUMENT = -104f;
    static final float P0 = 1.9875691500e-4f;
    static final float P1 = 1.3981999507e-3f;
    static final float P2 = 8.3334519073e-3f;
    static final float P3 = 4.1665795894e-2f;
    static final float P4 = 1.6666665459e-1f;
    static final float P5 = 5.0000001201e-1f;
    static final float TANH_SMALL = 0.625f;
    static final float Q0 = -5.70498872745e-3f;
    static final float Q1 = 2.06390887954e-2f;
    static final float Q2 = -5.37397155531e-2f;
    static final float Q3 = 1.33314422036e-1f;
    static final float Q4 = -3.33332819422e-1f;

    private VectorMath() {
    }

    static float exp(float x) {
        float c = x > MAX_ARGUMENT ? MAX_ARGUMENT : x;
        c = c < MIN_ARGUMENT ? MIN_ARGUMENT : c;
        float t = c * LOG2E + ROUNDER;
        float n = t - ROUNDER;
        float r = c - n * LN2_HIGH - n * LN2_LOW;
        float p = ((((r * P0 + P1) * r + P2) * r + P3) * r + P4) * r + P5;
        float y = p * (r * r) + r + 1f;
        int k = Float.floatToRawIntBits(t) - ROUNDER_BITS;
        int half = k >> 1;
        return y * powerOfTwo(half) * powerOfTwo(k - half);
    }

    /** 2^k for −126 ≤ k ≤ 127, built from its exponent bits. */
    static float powerOfTwo(int k) {
        return Float.intBitsToFloat((k + 127) << 23);
    }

    static float tanh(float x) {
        float a = Math.abs(x);
        if (a < TANH_SMALL) {
            float z = x * x;
            return ((((z * Q0 + Q1) * z + Q2) * z + Q3) * z + Q4) * z * x + x;
        }
        float large = 1f - 2f / (exp(a + a) + 1f);
        return x < 0 ? -large : large;
    }

    /** σ(x) = 1/(1 + t) for x ≥ 0 and t/(1 + t) for x &lt; 0, with t = e^−|x| ≤ 1 (no overflow). */
    static float sigmoid(float x) {
        float t = exp(-Math.abs(x));
        return (x < 0 ? t : 1f) / (t + 1f);
    }
}
