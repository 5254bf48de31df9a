package org.descent.loss;

import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * Softmax and cross-entropy fused, from the logits z:
 * {@code div(z, d) = −Σ_k d_k log softmax(z)_k = −Σ_k d_k (z_k − logSumExp(z))}, averaged over
 * the batch. The log-sum-exp is shifted by the row maximum, so the loss is finite for any finite
 * logits, and the gradient at the logits is {@code (softmax(z) − d)/N}, computed in one pass by a
 * fused node ({@link SoftmaxCrossEntropy}) unless the target itself requires gradients. The target d is one-hot
 * ({@link #targets}) or any probability distribution per row. The cross-entropy differs from the
 * KL divergence ({@link KlDivergence}) by the entropy of d, a constant, so both have the same
 * gradient.
 *
 * <p>Label smoothing, as in the lecture: with ε &gt; 0 the target is replaced by
 * {@code d' = (1 − Kε) d + ε}, which for a one-hot d puts {@code 1 − (K − 1)ε} on the right class
 * and ε on each of the K − 1 wrong ones (needs ε ≤ 1/K). PyTorch's {@code label_smoothing = s}
 * is the same with ε = s/K: see {@link #withPyTorchSmoothing}.
 *
 * <p>Shape: prediction z (N, K) logits, target d (N, K), loss [].
 *
 * @param smoothing the lecture's ε, or PyTorch's s, as {@code convention} says
 * @param convention how {@code smoothing} is to be read
 */
public record CrossEntropy(double smoothing, Smoothing convention) implements Loss {

    /** The two ways of stating how much label smoothing to apply. */
    public enum Smoothing {
        /** ε on each wrong class, 1 − (K − 1)ε on the right one; 0 ≤ ε ≤ 1/K. */
        LECTURE_EPSILON,
        /** PyTorch's {@code label_smoothing} s: ε = s/K; 0 ≤ s ≤ 1. */
        PYTORCH
    }

    public CrossEntropy {
        if (convention == null) {
            throw new DescentException("cross_entropy: the label smoothing convention must not be null");
        }
        double max = convention == Smoothing.PYTORCH ? 1.0 : 0.5;
        if (!(smoothing >= 0 && smoothing <= max)) {
            throw new DescentException("cross_entropy: label smoothing " + (convention == Smoothing.PYTORCH ? "s" : "ε")
                    + " must be in [0, " + max + "], got " + smoothing);
        }
    }

    /** Plain cross-entropy, no label smoothing. */
    public CrossEntropy() {
        this(0.0, Smoothing.LECTURE_EPSILON);
    }

    /** Cross-entropy with the lecture's label smoothing ε (ε on each wrong class). */
    public CrossEntropy(double epsilon) {
        this(epsilon, Smoothing.LECTURE_EPSILON);
    }

    /** Cross-entropy with PyTorch's {@code label_smoothing = s}, that is ε = s/K. */
    public static CrossEntropy withPyTorchSmoothing(double s) {
        return new CrossEntropy(s, Smoothing.PYTORCH);
    }

    /** The lecture's ε for K = {@code classes}. */
    public double epsilon(int classes) {
        double epsilon = convention == Smoothing.PYTORCH ? smoothing / classes : smoothing;
        if (epsilon * classes > 1.0) {
            throw new DescentException("cross_entropy: label smoothing ε = " + epsilon + " is too large for K = "
                    + classes + " classes (the right class would get 1 − (K − 1)ε = " + (1 - (classes - 1) * epsilon)
                    + " < ε); use ε ≤ 1/K = " + 1.0 / classes);
        }
        return epsilon;
    }

    /** The smoothed target {@code d' = (1 − Kε) d + ε}; d itself when ε = 0. */
    public Tensor smoothed(Tensor target) {
        int classes = target.shape().dim(target.shape().rank() - 1);
        double epsilon = epsilon(classes);
        return epsilon == 0 ? target : target.mul(1.0 - epsilon * classes).add(epsilon);
    }

    @Override
    public Tensor compute(Tensor prediction, Tensor target) {
        Checks.sameMatrixShape(name(), prediction, target);
        Checks.distributions(name(), target);
        Tensor d = smoothed(target);
        return d.requiresGrad() ? SoftmaxCrossEntropy.unfused(prediction, d) : SoftmaxCrossEntropy.apply(prediction, d);
    }

    /** One-hot float32 targets (N, classes) for integer class labels. */
    public static Tensor targets(int[] labels, int classes) {
        return targets(labels, classes, DType.FLOAT32);
    }

    /** One-hot targets (N, classes) in {@code dtype} for integer class labels. */
    public static Tensor targets(int[] labels, int classes, DType dtype) {
        Tensor oneHot = Tensor.zeros(dtype, labels.length, classes);
        for (int n = 0; n < labels.length; n++) {
            if (labels[n] < 0 || labels[n] >= classes) {
                throw new DescentException("cross_entropy: label " + labels[n] + " of sample " + n
                        + " is not a class in 0.." + (classes - 1));
            }
            oneHot.set(n * classes + labels[n], 1.0);
        }
        return oneHot;
    }

    @Override
    public String name() {
        return "cross_entropy";
    }
}
