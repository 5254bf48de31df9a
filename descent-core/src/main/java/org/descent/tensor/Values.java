package org.descent.tensor;

import java.util.Arrays;
import java.util.Random;
import org.descent.internal.kernel.Kernels;

/** The element loops behind {@link Tensor}'s data methods, so that Tensor stays the API. */
final class Values {
    private Values() {
    }

    static Tensor filled(DType dtype, double value, int... dims) {
        Tensor t = Tensor.zeros(dtype, dims);
        if (t.floatData() != null) {
            Arrays.fill(t.floatData(), (float) value);
        } else {
            Arrays.fill(t.doubleData(), value);
        }
        return t;
    }

    static Tensor randn(Random random, DType dtype, int... dims) {
        Tensor t = Tensor.zeros(dtype, dims);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, random.nextGaussian());
        }
        return t;
    }

    static Tensor uniform(Random random, double low, double high, DType dtype, int... dims) {
        Tensor t = Tensor.zeros(dtype, dims);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, low + (high - low) * random.nextDouble());
        }
        return t;
    }

    /** The flat row-major index of {@code index}, checked against {@code shape}. */
    static int flatIndex(Shape shape, int... index) {
        if (index.length != shape.rank()) {
            throw new ShapeException("index " + Arrays.toString(index) + " does not fit shape " + shape);
        }
        int[] strides = shape.strides();
        int flat = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape.dim(i)) {
                throw new ShapeException("index " + Arrays.toString(index) + " is out of bounds for shape " + shape);
            }
            flat += index[i] * strides[i];
        }
        return flat;
    }

    static double[] toDoubles(Tensor t) {
        double[] out = new double[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.get(i);
        }
        return out;
    }

    static Tensor copy(Tensor t, DType dtype) {
        Tensor out = Tensor.zeros(dtype, t.shape().dims());
        for (int i = 0; i < t.size(); i++) {
            out.set(i, t.get(i));
        }
        return out;
    }

    /** {@code target += alpha · other}; float32 on the {@link Kernels#axpy} kernel. */
    static void addInPlace(Tensor target, double alpha, Tensor other) {
        Ops.requireSameShape("addInPlace", target, other);
        if (target.floatData() != null && other.floatData() != null) {
            Kernels.active().axpy((float) alpha, other.floatData(), target.floatData(), target.size());
            return;
        }
        for (int i = 0; i < target.size(); i++) {
            target.set(i, target.get(i) + alpha * other.get(i));
        }
    }

    static void copyInto(Tensor target, Tensor other) {
        Ops.requireSameShape("copyFromInPlace", target, other);
        for (int i = 0; i < target.size(); i++) {
            target.set(i, other.get(i));
        }
    }

    static boolean allFinite(Tensor t) {
        for (int i = 0; i < t.size(); i++) {
            if (!Double.isFinite(t.get(i))) {
                return false;
            }
        }
        return true;
    }

    static String describe(Tensor t) {
        StringBuilder sb = new StringBuilder("Tensor(").append(t.dtype()).append(' ').append(t.shape()).append(' ');
        int n = Math.min(t.size(), 8);
        sb.append('[');
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "").append((float) t.get(i));
        }
        sb.append(t.size() > n ? ", ...]" : "]");
        if (t.node() != null) {
            sb.append(" from ").append(t.node().operation());
        }
        return sb.append(')').toString();
    }
}
