package org.descent.tensor;

import org.descent.internal.kernel.Kernels;

/**
 * Matrix product {@code C = op(A) · op(B)} of 2-D tensors, either operand optionally transposed
 * in place of a copy. With {@code dL/dC = G}: {@code dL/dA = G · Bᵀ} and {@code dL/dB = Aᵀ · G},
 * rearranged for each transposition so the backward pass needs no transposed copies either.
 */
final class MatMul {
    private MatMul() {
    }

    static Tensor apply(Tensor a, Tensor b, boolean transA, boolean transB) {
        Ops.requireSameDType("matmul", a, b);
        if (a.shape().rank() != 2 || b.shape().rank() != 2) {
            throw new ShapeException("matmul needs 2-D tensors, got shapes " + a.shape() + " and " + b.shape());
        }
        int m = transA ? a.shape().dim(1) : a.shape().dim(0);
        int k = transA ? a.shape().dim(0) : a.shape().dim(1);
        int kb = transB ? b.shape().dim(1) : b.shape().dim(0);
        int n = transB ? b.shape().dim(0) : b.shape().dim(1);
        if (k != kb) {
            throw new ShapeException("matmul: shapes " + describe(a, transA) + " and " + describe(b, transB)
                    + " do not fit (inner dimensions " + k + " and " + kb + ")");
        }
        Tensor c = a.blank(Shape.of(m, n));
        if (c.floatData() != null) {
            Kernels.active().gemm(a.floatData(), b.floatData(), c.floatData(), m, n, k, transA, transB);
        } else {
            Kernels.active().gemm(a.doubleData(), b.doubleData(), c.doubleData(), m, n, k, transA, transB);
        }
        return c.recordedFrom("matmul", g -> new Tensor[] {
            a.requiresGrad() ? gradA(a, b, g, transA, transB) : null,
            b.requiresGrad() ? gradB(a, b, g, transA, transB) : null}, a, b);
    }

    private static Tensor gradA(Tensor a, Tensor b, Tensor g, boolean transA, boolean transB) {
        if (!transA) {
            return g.matmul(b, false, !transB);
        }
        return b.matmul(g, transB, true);
    }

    private static Tensor gradB(Tensor a, Tensor b, Tensor g, boolean transA, boolean transB) {
        if (!transB) {
            return a.matmul(g, !transA, false);
        }
        return g.matmul(a, true, transA);
    }

    private static String describe(Tensor t, boolean transposed) {
        return transposed ? t.shape() + "ᵀ" : t.shape().toString();
    }
}
