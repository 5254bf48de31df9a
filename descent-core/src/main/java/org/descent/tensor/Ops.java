package org.descent.tensor;

import java.util.function.DoubleBinaryOperator;

/** Element-wise binary operations with broadcasting, powers and dtype conversion. */
final class Ops {
    private Ops() {
    }

    static Tensor add(Tensor a, Tensor b) {
        Tensor out = binary("add", a, b, FloatLoops.Op.ADD, Double::sum);
        return out.recordedFrom("add", g -> new Tensor[] {g.sumTo(a.shape()), g.sumTo(b.shape())}, a, b);
    }

    static Tensor sub(Tensor a, Tensor b) {
        Tensor out = binary("sub", a, b, FloatLoops.Op.SUB, (x, y) -> x - y);
        return out.recordedFrom("sub", g -> new Tensor[] {g.sumTo(a.shape()), g.neg().sumTo(b.shape())}, a, b);
    }

    static Tensor mul(Tensor a, Tensor b) {
        Tensor out = binary("mul", a, b, FloatLoops.Op.MUL, (x, y) -> x * y);
        return out.recordedFrom("mul", g -> new Tensor[] {
            a.requiresGrad() ? g.mul(b).sumTo(a.shape()) : null,
            b.requiresGrad() ? g.mul(a).sumTo(b.shape()) : null}, a, b);
    }

    static Tensor div(Tensor a, Tensor b) {
        Tensor out = binary("div", a, b, FloatLoops.Op.DIV, (x, y) -> x / y);
        return out.recordedFrom("div", g -> new Tensor[] {
            a.requiresGrad() ? g.div(b).sumTo(a.shape()) : null,
            b.requiresGrad() ? g.mul(a).div(b.square()).neg().sumTo(b.shape()) : null}, a, b);
    }

    /** x^p for a constant p; d/dx = p·x^(p−1). */
    static Tensor pow(Tensor x, double p) {
        Tensor out = binary("pow", x, Tensor.scalar(p, x.dtype()), null, Math::pow);
        return out.recordedFrom("pow", g -> new Tensor[] {
            p == 0 ? null : g.mul(x.pow(p - 1).mul(p))}, x);
    }

    static Tensor convert(Tensor x, DType dtype) {
        if (x.dtype() == dtype) {
            return x;
        }
        DType original = x.dtype();
        return x.copy(dtype).recordedFrom("to", g -> new Tensor[] {g.to(original)}, x);
    }

    static void requireSameShape(String op, Tensor a, Tensor b) {
        if (!a.shape().equals(b.shape())) {
            throw new ShapeException(op + ": shapes " + a.shape() + " and " + b.shape() + " differ");
        }
    }

    static void requireSameDType(String op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new ShapeException(op + ": dtypes " + a.dtype() + " and " + b.dtype()
                    + " differ; convert one with .to(DType)");
        }
    }

    /** {@code fast}, if not null, names f for the float32 fast paths of {@link FloatLoops}. */
    private static Tensor binary(String op, Tensor a, Tensor b, FloatLoops.Op fast, DoubleBinaryOperator f) {
        requireSameDType(op, a, b);
        Shape shape = a.shape().equals(b.shape()) ? a.shape() : Broadcast.result(op, a.shape(), b.shape());
        Tensor out = a.blank(shape);
        if (fast != null && out.floatData() != null) {
            boolean commutes = fast == FloatLoops.Op.ADD || fast == FloatLoops.Op.MUL;
            if (a.shape().equals(shape)
                    && FloatLoops.binary(fast, a.floatData(), b.floatData(), b.shape(), out.floatData(), shape)) {
                return out;
            }
            if (commutes && b.shape().equals(shape)
                    && FloatLoops.binary(fast, b.floatData(), a.floatData(), a.shape(), out.floatData(), shape)) {
                return out;
            }
        }
        int n = shape.size();
        boolean sameA = a.shape().equals(shape);
        boolean sameB = b.shape().equals(shape);
        int[] mapA = sameA ? null : Broadcast.indexMap(a.shape(), shape);
        int[] mapB = sameB ? null : Broadcast.indexMap(b.shape(), shape);
        float[] of = out.floatData();
        if (of != null) {
            float[] af = a.floatData();
            float[] bf = b.floatData();
            for (int i = 0; i < n; i++) {
                of[i] = (float) f.applyAsDouble(af[sameA ? i : mapA[i]], bf[sameB ? i : mapB[i]]);
            }
        } else {
            double[] od = out.doubleData();
            double[] ad = a.doubleData();
            double[] bd = b.doubleData();
            for (int i = 0; i < n; i++) {
                od[i] = f.applyAsDouble(ad[sameA ? i : mapA[i]], bd[sameB ? i : mapB[i]]);
            }
        }
        return out;
    }
}
