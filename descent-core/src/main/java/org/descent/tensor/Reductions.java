package org.descent.tensor;

/**
 * Sums, maxima and log-sum-exp along one axis. A tensor is seen as [outer, axis, inner] so one
 * loop serves every axis.
 */
final class Reductions {
    private Reductions() {
    }

    static Tensor sumAll(Tensor x) {
        double sum = 0;
        for (int i = 0; i < x.size(); i++) {
            sum += x.get(i);
        }
        Tensor out = Tensor.scalar(sum, x.dtype());
        return out.recordedFrom("sum", g -> new Tensor[] {g.expand(x.shape())}, x);
    }

    static Tensor sum(Tensor x, int axis, boolean keepDim) {
        Shape shape = x.shape();
        int a = shape.normalizeAxis(axis);
        Shape kept = shape.withDim(a, 1);
        Tensor out = x.blank(kept);
        int n = shape.dim(a);
        int inner = inner(shape, a);
        int outer = shape.size() / (n * inner);
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += x.get((o * n + k) * inner + j);
                }
                out.set(o * inner + j, s);
            }
        }
        out.recordedFrom("sum", g -> new Tensor[] {g.expand(x.shape())}, x);
        return keepDim ? out : out.reshape(shape.withDim(a, -1).dims());
    }

    /** Maximum along an axis; the gradient goes to the first maximal element. */
    static Tensor max(Tensor x, int axis, boolean keepDim) {
        Shape shape = x.shape();
        int a = shape.normalizeAxis(axis);
        Tensor out = x.blank(shape.withDim(a, 1));
        Tensor mask = x.blank(shape);
        int n = shape.dim(a);
        if (n == 0) {
            throw new ShapeException("max along axis " + axis + " of an empty dimension, shape " + shape);
        }
        int inner = inner(shape, a);
        int outer = shape.size() / (n * inner);
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                int best = (o * n) * inner + j;
                for (int k = 1; k < n; k++) {
                    int idx = (o * n + k) * inner + j;
                    if (x.get(idx) > x.get(best) || Double.isNaN(x.get(idx))) {
                        best = idx;
                    }
                }
                out.set(o * inner + j, x.get(best));
                mask.set(best, 1.0);
            }
        }
        out.recordedFrom("max", g -> new Tensor[] {g.expand(x.shape()).mul(mask)}, x);
        return keepDim ? out : out.reshape(shape.withDim(a, -1).dims());
    }

    /** m + log Σ exp(x − m) with m the (constant) maximum; its gradient is softmax(x)·g. */
    static Tensor logSumExp(Tensor x, int axis, boolean keepDim) {
        Shape shape = x.shape();
        int a = shape.normalizeAxis(axis);
        Tensor m;
        try (GradMode.Off scope = GradMode.off()) {
            m = x.max(a, true);
            for (int i = 0; i < m.size(); i++) {
                if (!Double.isFinite(m.get(i))) {
                    m.set(i, 0.0);
                }
            }
        }
        Tensor out = x.sub(m).exp().sum(a, true).log().add(m);
        return keepDim ? out : out.reshape(shape.withDim(a, -1).dims());
    }

    private static int inner(Shape shape, int axis) {
        int inner = 1;
        for (int i = axis + 1; i < shape.rank(); i++) {
            inner *= shape.dim(i);
        }
        return inner;
    }
}
