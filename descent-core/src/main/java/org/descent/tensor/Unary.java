package org.descent.tensor;

import java.util.function.DoubleUnaryOperator;
import org.descent.internal.kernel.Kernels;

/**
 * Element-wise functions as a table: each row is the function and its derivative rule, written
 * with tensor operations on the input x, the output y and the incoming gradient g, so that the
 * rule itself can be differentiated again. In float32, ReLU, σ, tanh and exp run on the
 * element-wise {@link Kernels}, the others in float64 rounded to float.
 */
enum Unary {
    NEG(x -> -x, (x, y, g) -> g.neg()),
    EXP(Math::exp, (x, y, g) -> g.mul(y)),
    LOG(Math::log, (x, y, g) -> g.div(x)),
    SQRT(Math::sqrt, (x, y, g) -> g.div(y.mul(2.0))),
    ABS(Math::abs, (x, y, g) -> g.mul(x.sign())),
    SIN(Math::sin, (x, y, g) -> g.mul(x.cos())),
    COS(Math::cos, (x, y, g) -> g.mul(x.sin()).neg()),
    TANH(Math::tanh, (x, y, g) -> g.mul(y.square().neg().add(1.0))),
    SIGMOID(Unary::sigmoid, (x, y, g) -> g.mul(y.mul(y.neg().add(1.0)))),
    RELU(x -> x > 0 ? x : 0.0, (x, y, g) -> g.mul(x.step())),
    SOFTPLUS(x -> Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x))), (x, y, g) -> g.mul(x.sigmoid())),
    STEP(x -> x >= 0 ? 1.0 : (x < 0 ? 0.0 : Double.NaN), null),
    SIGN(Math::signum, null);

    /** dL/dx from x, y = f(x) and g = dL/dy. */
    @FunctionalInterface
    interface Derivative {
        Tensor apply(Tensor x, Tensor y, Tensor g);
    }

    private final DoubleUnaryOperator function;
    private final Derivative derivative;

    Unary(DoubleUnaryOperator function, Derivative derivative) {
        this.function = function;
        this.derivative = derivative;
    }

    /** σ(x) = 1 / (1 + e^−x), evaluated on the side that cannot overflow. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    Tensor apply(Tensor x) {
        Tensor y = x.blank(x.shape());
        float[] xf = x.floatData();
        if (xf != null) {
            float[] yf = y.floatData();
            Kernels kernels = Kernels.active();
            switch (this) {
                case RELU -> kernels.relu(xf, yf, yf.length);
                case SIGMOID -> kernels.sigmoid(xf, yf, yf.length);
                case TANH -> kernels.tanh(xf, yf, yf.length);
                case EXP -> kernels.exp(xf, yf, yf.length);
                case STEP -> {
                    for (int i = 0; i < yf.length; i++) {
                        yf[i] = xf[i] >= 0 ? 1f : (xf[i] < 0 ? 0f : Float.NaN);
                    }
                }
                default -> {
                    for (int i = 0; i < yf.length; i++) {
                        yf[i] = (float) function.applyAsDouble(xf[i]);
                    }
                }
            }
        } else {
            double[] xd = x.doubleData();
            double[] yd = y.doubleData();
            for (int i = 0; i < yd.length; i++) {
                yd[i] = function.applyAsDouble(xd[i]);
            }
        }
        if (derivative == null) {
            return y;
        }
        return y.recordedFrom(name().toLowerCase(), g -> new Tensor[] {derivative.apply(x, y, g)}, x);
    }
}
