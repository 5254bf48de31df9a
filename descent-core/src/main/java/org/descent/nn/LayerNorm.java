package org.descent.nn;

import java.util.List;
import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.GradientStorage;
import org.descent.tensor.Shape;
import org.descent.tensor.Tensor;

/**
 * Layer normalization over the last dimension, as PyTorch's {@code nn.LayerNorm(C)} on (N, C):
 * each sample is normalized by its own statistics, the same in training and evaluation,
 *
 * <pre>
 *   μ_n = (1/C) Σ_j x_nj,   σ²_n = (1/C) Σ_j (x_nj − μ_n)²,   y = γ (x − μ_n) / √(σ²_n + ε) + β
 * </pre>
 *
 * with learnable γ ({@code weight}, ones) and β ({@code bias}, zeros) of size C and ε = {@code eps}
 * (1e-5). With x̂ = (x − μ_n)/√(σ²_n + ε), h = g γ for g = dL/dy, the backward pass computes
 * dL/dx = (h − mean_j(h) − x̂ mean_j(h x̂)) / √(σ²_n + ε), dL/dγ = Σ_n g x̂, dL/dβ = Σ_n g.
 *
 * <p>Shape: input (N, C), output (N, C); weight, bias (C).
 */
public final class LayerNorm extends Module {
    /** {@code {"kind": "layer_norm", "eps": 1e-5}}. */
    static final LayerType<LayerNorm> TYPE = new LayerType<>("layer_norm", LayerNorm.class, List.of("eps"),
            (args, in, random) -> new LayerNorm(in, args.number("eps", 1e-5)),
            layer -> LayerArguments.of("eps", layer.eps),
            (args, in) -> {
                check(in, args.number("eps", 1e-5));
                return LayerLayout.of(in, "weight", Shape.of(in), "bias", Shape.of(in));
            });

    private final int features;
    private final double eps;
    private final Parameter weight;
    private final Parameter bias;

    public LayerNorm(int features) {
        this(features, 1e-5);
    }

    public LayerNorm(int features, double eps) {
        check(features, eps);
        this.features = features;
        this.eps = eps;
        this.weight = addParameter("weight", Tensor.ones(DType.FLOAT32, features));
        this.bias = addParameter("bias", Tensor.zeros(DType.FLOAT32, features));
    }

    private static void check(int features, double eps) {
        if (features <= 0) {
            throw new DescentException("LayerNorm needs a positive number of features, got " + features);
        }
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new DescentException("LayerNorm: eps must be positive, got " + eps);
        }
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    public int features() {
        return features;
    }

    @Override
    public Tensor forward(Tensor x) {
        int n = Normalization.requireInput(this, x, features, weight);
        Tensor gamma = weight.value();
        Tensor beta = bias.value();
        double[] mean = new double[n];
        double[] inverseStd = new double[n];
        NormLoops.rowMoments(x, n, features, mean, inverseStd);
        for (int r = 0; r < n; r++) {
            inverseStd[r] = 1.0 / Math.sqrt(inverseStd[r] + eps);
        }
        double[] g = gamma.toDoubleArray();
        double[] b = beta.toDoubleArray();
        Tensor y = Tensor.zeros(x.dtype(), n, features);
        float[] xf = x.floatData();
        double[] xd = x.doubleData();
        float[] yf = y.floatData();
        double[] yd = y.doubleData();
        for (int r = 0; r < n; r++) {
            int o = r * features;
            double m = mean[r];
            double s = inverseStd[r];
            for (int j = 0; j < features; j++) {
                double v = ((xf != null ? xf[o + j] : xd[o + j]) - m) * s * g[j] + b[j];
                if (yf != null) {
                    yf[o + j] = (float) v;
                } else {
                    yd[o + j] = v;
                }
            }
        }
        return FastNode.record(y, "layer_norm", () -> reference(x, gamma, beta),
                (gradOutput, storage) -> backward(gradOutput, storage, x, gamma, beta, g, mean, inverseStd), x, gamma, beta);
    }

    private Tensor[] backward(Tensor gradOutput, GradientStorage storage, Tensor x, Tensor gamma, Tensor beta, double[] g, double[] mean,
            double[] inverseStd) {
        int n = x.shape().dim(0);
        int c = features;
        float[] xf = x.floatData();
        double[] xd = x.doubleData();
        float[] gf = gradOutput.floatData();
        double[] gd = gradOutput.doubleData();
        Tensor dX = x.requiresGrad() ? storage.of(0) : null;   // lent storage, if any: every element is written
        float[] df = dX == null ? null : dX.floatData();
        double[] dd = dX == null ? null : dX.doubleData();
        double[] dGamma = new double[c];
        double[] dBeta = new double[c];
        double[] xhat = new double[c];
        double[] h = new double[c];
        for (int r = 0; r < n; r++) {
            int o = r * c;
            double s1 = 0;
            double s2 = 0;
            for (int j = 0; j < c; j++) {
                double gv = gf != null ? gf[o + j] : gd[o + j];
                double xh = ((xf != null ? xf[o + j] : xd[o + j]) - mean[r]) * inverseStd[r];
                xhat[j] = xh;
                h[j] = gv * g[j];
                s1 += h[j];
                s2 += h[j] * xh;
                dGamma[j] += gv * xh;
                dBeta[j] += gv;
            }
            if (dX != null) {
                double m1 = s1 / c;
                double m2 = s2 / c;
                for (int j = 0; j < c; j++) {
                    double v = (h[j] - m1 - xhat[j] * m2) * inverseStd[r];
                    if (df != null) {
                        df[o + j] = (float) v;
                    } else {
                        dd[o + j] = v;
                    }
                }
            }
        }
        return new Tensor[] {dX, gamma.requiresGrad() ? NormLoops.vector(dGamma, gamma) : null,
                beta.requiresGrad() ? NormLoops.vector(dBeta, beta) : null};
    }

    /** The same function from tensor operations, for second derivatives. */
    private Tensor reference(Tensor x, Tensor gamma, Tensor beta) {
        Tensor centred = x.sub(x.mean(1, true));
        Tensor var = centred.square().mean(1, true);
        return centred.div(var.add(eps).sqrt()).mul(gamma).add(beta);
    }

    @Override
    public int outputSize(int inputSize) {
        return Normalization.requireSize(this, inputSize, features, weight);
    }

    @Override
    protected String describe() {
        return "LayerNorm(features=" + features + ", eps=" + eps + ")";
    }
}
