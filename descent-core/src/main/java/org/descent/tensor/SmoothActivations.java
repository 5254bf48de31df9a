package org.descent.tensor;

import java.util.function.DoubleUnaryOperator;

/**
 * erf and the activations built on it or on σ, each with a derivative rule written in tensor
 * operations (so that it can be differentiated again, as {@link Unary}'s rows are):
 *
 * <pre>
 *   erf(x)                         erf'(x) = 2/√π · e^{−x²}
 *   GELU(x)  = x Φ(x)               GELU'(x) = Φ(x) + x φ(x),   Φ(x) = ½(1 + erf(x/√2)), φ(x) = e^{−x²/2}/√(2π)
 *   GELUₜ(x) = ½ x (1 + tanh u)     GELUₜ'(x) = ½(1 + t) + ½ x (1 − t²) u',  u = √(2/π)(x + 0.044715 x³), t = tanh u
 *                                   (as σ(2u) + 2x σ(2u) σ(−2u) u', free of cancellation)
 *   SiLU(x)  = x σ(x)               SiLU'(x) = σ(x)(1 + x(1 − σ(x)))
 *   LeakyReLU(x) = x (x &gt; 0), αx (x ≤ 0)      derivative 1 or α (α at 0, as PyTorch)
 *   ELU(x)   = x (x &gt; 0), α(eˣ − 1) (x ≤ 0)  derivative 1 or α eˣ (α at 0, as PyTorch)
 * </pre>
 *
 * Forward values are computed in float64 per element (float32 rounded once), and so are the
 * first derivatives of a backward pass that records no graph (the training path); a backward
 * pass that records one (second derivatives) runs the tensor formulas above in the tensor's
 * dtype, so that they can be differentiated again.
 */
final class SmoothActivations {
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private static final double ONE_OVER_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double SQRT_TWO_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double GELU_CUBIC = 0.044715;

    private SmoothActivations() {
    }

    static Tensor erf(Tensor x) {
        Tensor y = map(x, Erf::erf);
        return y.recordedFrom("erf", g -> new Tensor[] {g.mul(!GradMode.enabled()
                ? map(x, v -> TWO_OVER_SQRT_PI * Erf.expMinusSquare(v))
                : x.square().neg().exp().mul(TWO_OVER_SQRT_PI))}, x);
    }

    static Tensor gelu(Tensor x) {
        boolean records = GradMode.enabled() && x.requiresGrad();
        Tensor y = x.blank(x.shape());
        Tensor cdf = records ? x.blank(x.shape()) : null;   // Φ(x) for the backward pass: one erf per element
        for (int i = 0; i < y.size(); i++) {
            double v = x.get(i);
            double phi = normalCdf(v);
            y.set(i, v * phi);
            if (cdf != null) {
                cdf.set(i, phi);
            }
        }
        return y.recordedFrom("gelu", g -> {
            if (!GradMode.enabled()) {
                Tensor slope = x.blank(x.shape());
                for (int i = 0; i < slope.size(); i++) {
                    double v = x.get(i);
                    slope.set(i, cdf.get(i) + v * ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * v * v));
                }
                return new Tensor[] {g.mul(slope)};
            }
            Tensor phi = x.mul(SQRT_HALF).erf().add(1.0).mul(0.5);
            Tensor pdf = x.square().mul(-0.5).exp().mul(ONE_OVER_SQRT_TWO_PI);
            return new Tensor[] {g.mul(phi.add(x.mul(pdf)))};
        }, x);
    }

    static Tensor geluTanh(Tensor x) {
        Tensor y = map(x, v -> 0.5 * v * (1 + Math.tanh(tanhArgument(v))));
        return y.recordedFrom("gelu_tanh", g -> {
            if (!GradMode.enabled()) {
                return new Tensor[] {g.mul(map(x, SmoothActivations::geluTanhDerivative))};
            }
            // ½(1 + tanh u) = σ(2u) and ½(1 − tanh²u) = 2σ(2u)σ(−2u): no cancellation where tanh u is near ±1.
            Tensor twoU = x.add(x.pow(3).mul(GELU_CUBIC)).mul(2 * SQRT_TWO_OVER_PI);
            Tensor s = twoU.sigmoid();
            Tensor du = x.square().mul(3 * GELU_CUBIC * SQRT_TWO_OVER_PI).add(SQRT_TWO_OVER_PI);
            Tensor first = s;
            Tensor second = x.mul(s).mul(twoU.neg().sigmoid()).mul(du).mul(2.0);
            return new Tensor[] {g.mul(first.add(second))};
        }, x);
    }

    static Tensor silu(Tensor x) {
        Tensor y = map(x, v -> v * Unary.sigmoid(v));
        return y.recordedFrom("silu", g -> {
            if (!GradMode.enabled()) {
                return new Tensor[] {g.mul(map(x, v -> {
                    double s = Unary.sigmoid(v);
                    return s * (1 + v * (1 - s));
                }))};
            }
            Tensor s = x.sigmoid();
            return new Tensor[] {g.mul(s.mul(x.mul(s.neg().add(1.0)).add(1.0)))};
        }, x);
    }

    static Tensor leakyRelu(Tensor x, double alpha) {
        requireFinite("leaky_relu", alpha);
        Tensor y = map(x, v -> v > 0 ? v : alpha * v);
        return y.recordedFrom("leaky_relu", g -> new Tensor[] {g.mul(map(x, v -> v > 0 ? 1.0 : alpha))}, x);
    }

    static Tensor elu(Tensor x, double alpha) {
        requireFinite("elu", alpha);
        Tensor y = map(x, v -> v > 0 ? v : alpha * Math.expm1(v));
        return y.recordedFrom("elu", g -> {
            if (!GradMode.enabled()) {
                return new Tensor[] {g.mul(map(x, v -> v > 0 ? 1.0 : alpha * Math.exp(v)))};
            }
            // α at exactly 0 as a constant, α e^x below: PyTorch's second derivative is 0 at x = 0.
            // x·[x < 0] keeps e^x from overflowing where it is unused.
            Tensor positive = map(x, v -> v > 0 ? 1.0 : 0.0);
            Tensor atZero = map(x, v -> v == 0 ? alpha : 0.0);
            Tensor negative = map(x, v -> v < 0 ? 1.0 : 0.0);
            Tensor slope = positive.add(atZero).add(x.mul(negative).exp().mul(negative).mul(alpha));
            return new Tensor[] {g.mul(slope)};
        }, x);
    }

    /** Φ(x) = ½(1 + erf(x/√2)), as PyTorch computes it. */
    private static double normalCdf(double v) {
        return 0.5 * (1 + Erf.erf(v * SQRT_HALF));
    }

    private static double tanhArgument(double v) {
        return SQRT_TWO_OVER_PI * (v + GELU_CUBIC * v * v * v);
    }

    /** σ(2u) + 2 x σ(2u) σ(−2u) u' in float64, which is ½(1 + t) + ½ x (1 − t²) u' without cancellation. */
    private static double geluTanhDerivative(double v) {
        double twoU = 2 * tanhArgument(v);
        double s = Unary.sigmoid(twoU);
        double du = SQRT_TWO_OVER_PI * (1 + 3 * GELU_CUBIC * v * v);
        return s + 2 * v * s * Unary.sigmoid(-twoU) * du;
    }

    private static void requireFinite(String name, double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new org.descent.DescentException(name + ": alpha must be finite, got " + alpha);
        }
    }

    /** f per element, in float64; a float32 tensor gets each value rounded once. */
    private static Tensor map(Tensor x, DoubleUnaryOperator f) {
        Tensor y = x.blank(x.shape());
        float[] xf = x.floatData();
        if (xf != null) {
            float[] yf = y.floatData();
            for (int i = 0; i < yf.length; i++) {
                yf[i] = (float) f.applyAsDouble(xf[i]);
            }
        } else {
            double[] xd = x.doubleData();
            double[] yd = y.doubleData();
            for (int i = 0; i < yd.length; i++) {
                yd[i] = f.applyAsDouble(xd[i]);
            }
        }
        return y;
    }
}
