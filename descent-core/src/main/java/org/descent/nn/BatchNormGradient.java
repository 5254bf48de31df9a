package org.descent.nn;

import org.descent.tensor.GradientStorage;
import org.descent.tensor.Tensor;

/**
 * The fast backward pass of {@link BatchNorm1d} on (N, C): with σ = √(var + ε), x̂ = (x − μ)/σ and
 * g = dL/dy, {@code dL/dγ = Σ_n g x̂}, {@code dL/dβ = Σ_n g}, and in training
 * {@code dL/dx = γ/σ · (g − mean_n(g) − x̂ mean_n(g x̂))}, in evaluation {@code dL/dx = γ/σ · g};
 * g is first masked by a fused ReLU's output if one follows. One pass for the sums
 * ({@link NormLoops#columnGradientSums}) and one for dL/dx ({@link ColumnAffine}).
 */
final class BatchNormGradient {
    private BatchNormGradient() {
    }

    /** The fast half; {@code mask} (the output, if a ReLU is fused) passes g where it is positive. */
    static Tensor[] backward(Tensor g, GradientStorage storage, Tensor mask, Tensor x, Tensor gamma, Tensor beta, double[] mean,
            double[] inverseStd, double[] scale, boolean batchStatistics) {
        int n = x.shape().dim(0);
        int features = x.shape().dim(1);
        double[] sumG = new double[features];
        double[] sumGX = new double[features];
        NormLoops.columnGradientSums(g, x, mean, n, features, sumG, sumGX, mask);
        double[] dGamma = new double[features];
        for (int j = 0; j < features; j++) {
            dGamma[j] = sumGX[j] * inverseStd[j];
        }
        Tensor dX = null;
        if (x.requiresGrad()) {
            dX = storage.of(0);   // storage the producer of x lends, if any (every element is written)
            double[] k = new double[features];
            if (batchStatistics) {
                // dx = a g + b (x − μ) + k: a = γ/σ, b = −a mean(g x̂)/σ, k = −a mean(g), with g masked
                double[] b = new double[features];
                for (int j = 0; j < features; j++) {
                    b[j] = -scale[j] * inverseStd[j] * dGamma[j] / n;
                    k[j] = -scale[j] * sumG[j] / n;
                }
                ColumnAffine.apply(g, scale, null, x, b, mean, k, dX, n, features, false, mask);
            } else {
                ColumnAffine.apply(g, scale, null, null, null, null, k, dX, n, features, false, mask);
            }
        }
        return new Tensor[] {dX, gamma.requiresGrad() ? NormLoops.vector(dGamma, gamma) : null,
                beta.requiresGrad() ? NormLoops.vector(sumG, beta) : null};
    }
}
