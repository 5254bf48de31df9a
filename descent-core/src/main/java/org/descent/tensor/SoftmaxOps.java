package org.descent.tensor;


/**
 * Softmax and log-softmax along an axis, shifted by the row maximum m <em>before</em> anything is
 * rounded: with s = x − m (exact for the largest entries, Sterbenz),
 *
 * <pre>
 *   softmax(x)    = e^s / Σ e^s
 *   logSoftmax(x) = s − log Σ e^s
 * </pre>
 *
 * Computing {@code exp(x − logSumExp(x))} instead rounds the log-sum-exp, a number as large as the
 * logits, to the dtype first: in float32 at logits near 12345 that is an error of up to 0.0005 in
 * every log-probability, in float64 at |x| = 1e8 one of 7e−9. m is held constant (no gradient);
 * both formulas are shift-invariant, so their derivatives are exact all the same. A row whose
 * maximum is not finite is shifted by 0.
 */
final class SoftmaxOps {
    private SoftmaxOps() {
    }

    static Tensor softmax(Tensor x, int axis) {
        int a = x.shape().normalizeAxis(axis);
        Tensor e = shifted(x, a).exp();
        return e.div(e.sum(a, true));
    }

    static Tensor logSoftmax(Tensor x, int axis) {
        int a = x.shape().normalizeAxis(axis);
        Tensor s = shifted(x, a);
        return s.sub(s.exp().sum(a, true).log());
    }

    /** x − m, m the row maximum along {@code axis} (0 where it is not finite), as a constant. */
    private static Tensor shifted(Tensor x, int axis) {
        Tensor m;
        try (GradMode.Off scope = GradMode.off()) {
            m = x.max(axis, true);
        }
        for (int i = 0; i < m.size(); i++) {
            if (!Double.isFinite(m.get(i))) {
                m.set(i, 0.0);
            }
        }
        return x.sub(m);
    }
}
