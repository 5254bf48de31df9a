package org.descent.nn;

import java.util.List;
import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.GradMode;
import org.descent.tensor.Workspace;
import org.descent.tensor.Shape;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/**
 * Batch normalization over the batch dimension, as PyTorch's {@code nn.BatchNorm1d} on (N, C):
 *
 * <pre>
 *   training:   μ_j = (1/N) Σ_n x_nj,   σ²_j = (1/N) Σ_n (x_nj − μ_j)²   (biased)
 *               y = γ (x − μ) / √(σ² + ε) + β
 *               running_mean ← (1 − m) running_mean + m μ
 *               running_var  ← (1 − m) running_var  + m σ² N/(N − 1)   (unbiased)
 *   evaluation: y = γ (x − running_mean) / √(running_var + ε) + β
 * </pre>
 *
 * with learnable γ ({@code weight}, ones) and β ({@code bias}, zeros), ε = {@code eps} (1e-5) and
 * m = {@code momentum} (0.1), the running statistics starting at 0 and 1. With x̂ = (x − μ)/√(σ² + ε)
 * and g = dL/dy the backward pass in training ({@link BatchNormGradient}) computes, in two
 * passes over the batch, dL/dγ = Σ_n g x̂, dL/dβ = Σ_n g, dL/dx = γ/√(σ² + ε) · (g − mean_n(g) − x̂ mean_n(g x̂)).
 * A batch of one sample in training is refused, as in PyTorch (its variance is 0, its
 * unbiased variance undefined).
 *
 * <p>Shape: input (N, C), output (N, C); weight, bias, running_mean, running_var (C);
 * num_batches_tracked (1), a count of training batches.
 */
public final class BatchNorm1d extends Module {
    /** {@code {"kind": "batch_norm", "eps": 1e-5, "momentum": 0.1}}. */
    static final LayerType<BatchNorm1d> TYPE = new LayerType<>("batch_norm", BatchNorm1d.class, List.of("eps", "momentum"),
            (args, in, random) -> new BatchNorm1d(in, args.number("eps", 1e-5), args.number("momentum", 0.1)),
            layer -> LayerArguments.of("eps", layer.eps, "momentum", layer.momentum),
            (args, in) -> {
                check(in, args.number("eps", 1e-5), args.number("momentum", 0.1));
                return LayerLayout.of(in, "weight", Shape.of(in), "bias", Shape.of(in), "running_mean", Shape.of(in),
                        "running_var", Shape.of(in), "num_batches_tracked", Shape.of(1));
            });

    private final int features;
    private final double eps;
    private final double momentum;
    private final Parameter weight;
    private final Parameter bias;
    private final Buffer runningMean;
    private final Buffer runningVar;
    private final Buffer batchesTracked;
    /** The gradient at the output, reused from step to step while free. */
    private final Workspace workspace = FastNode.workspace("BatchNorm1d", 1);

    /** C = {@code features}, ε = 1e-5, momentum 0.1, like PyTorch's defaults. */
    public BatchNorm1d(int features) {
        this(features, 1e-5, 0.1);
    }

    public BatchNorm1d(int features, double eps, double momentum) {
        check(features, eps, momentum);
        this.features = features;
        this.eps = eps;
        this.momentum = momentum;
        this.weight = addParameter("weight", Tensor.ones(DType.FLOAT32, features));
        this.bias = addParameter("bias", Tensor.zeros(DType.FLOAT32, features));
        this.runningMean = addBuffer("running_mean", Tensor.zeros(DType.FLOAT32, features));
        this.runningVar = addBuffer("running_var", Tensor.ones(DType.FLOAT32, features));
        this.batchesTracked = addBuffer("num_batches_tracked", Tensor.zeros(DType.FLOAT32, 1));
    }

    private static void check(int features, double eps, double momentum) {
        if (features <= 0) {
            throw new DescentException("BatchNorm1d needs a positive number of features, got " + features);
        }
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new DescentException("BatchNorm1d: eps must be positive, got " + eps);
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new DescentException("BatchNorm1d: momentum must be in [0, 1], got " + momentum);
        }
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    public Buffer runningMean() {
        return runningMean;
    }

    public Buffer runningVar() {
        return runningVar;
    }

    public Buffer batchesTracked() {
        return batchesTracked;
    }

    @Override
    public Tensor forward(Tensor x) {
        return forward(x, false);
    }

    /**
     * With {@code relu}, {@code max(0, BatchNorm1d(x))} as one node, for {@link Sequential} when a
     * {@link Relu} follows (one pass less each way; the gradient is passed where the output is
     * positive, so at an output of exactly 0 it is 0).
     */
    Tensor forward(Tensor x, boolean relu) {
        int n = Normalization.requireInput(this, x, features, weight);
        Tensor gamma = weight.value();
        Tensor beta = bias.value();
        double[] mean = new double[features];
        double[] var = new double[features];
        boolean batchStatistics = isTraining();
        if (batchStatistics) {
            if (n < 2) {
                throw new DescentException(describe() + ": a training batch of " + n + " sample has no variance "
                        + "(PyTorch: 'Expected more than 1 value per channel when training'); use batches of 2 or more, "
                        + "or eval() for single samples");
            }
            NormLoops.columnMoments(x, n, features, mean, var);
            updateRunningStatistics(mean, var, n);
        } else {
            double[] rm = runningMean.value().toDoubleArray();
            double[] rv = runningVar.value().toDoubleArray();
            System.arraycopy(rm, 0, mean, 0, features);
            System.arraycopy(rv, 0, var, 0, features);
        }
        double[] inverseStd = new double[features];
        double[] scale = new double[features];
        for (int j = 0; j < features; j++) {
            inverseStd[j] = 1.0 / Math.sqrt(var[j] + eps);
            scale[j] = gamma.get(j) * inverseStd[j];
        }
        Tensor y = Tensor.zeros(x.dtype(), n, features);
        ColumnAffine.apply(x, scale, mean, null, null, null, beta.toDoubleArray(), y, n, features, relu, null);
        Tensor mask = relu ? y : null;
        // A pass that records a graph lends reused storage for the gradient at its output.
        boolean records = GradMode.enabled() && (x.requiresGrad() || gamma.requiresGrad() || beta.requiresGrad());
        return FastNode.record(y, relu ? "batch_norm+relu" : "batch_norm", () -> {
            Tensor reference = reference(x, gamma, beta, batchStatistics);
            return relu ? reference.relu() : reference;
        }, (g, storage) -> BatchNormGradient.backward(g, storage, mask, x, gamma, beta, mean, inverseStd, scale,
                        batchStatistics),
                records ? workspace.take() : Workspace.Lease.NONE, 0, x, gamma, beta);
    }

    private void updateRunningStatistics(double[] mean, double[] var, int n) {
        // New values rather than updates in place: a loaded state may share its storage.
        Tensor rm = runningMean.value().copy(runningMean.value().dtype());
        Tensor rv = runningVar.value().copy(runningVar.value().dtype());
        for (int j = 0; j < features; j++) {
            rm.set(j, (1 - momentum) * rm.get(j) + momentum * mean[j]);
            rv.set(j, (1 - momentum) * rv.get(j) + momentum * var[j] * n / (n - 1));
        }
        runningMean.set(rm, "running_mean");
        runningVar.set(rv, "running_var");
        Tensor count = batchesTracked.value().copy(batchesTracked.value().dtype());
        count.set(0, count.get(0) + 1);
        batchesTracked.set(count, "num_batches_tracked");
    }

    /** The same function from tensor operations, for second derivatives. */
    private Tensor reference(Tensor x, Tensor gamma, Tensor beta, boolean batchStatistics) {
        Tensor centred;
        Tensor var;
        if (batchStatistics) {
            centred = x.sub(x.mean(0, true));
            var = centred.square().mean(0, true);
        } else {
            centred = x.sub(runningMean.value().copy(x.dtype()));
            var = runningVar.value().copy(x.dtype());
        }
        return centred.div(var.add(eps).sqrt()).mul(gamma).add(beta);
    }

    public int features() {
        return features;
    }

    @Override
    public int outputSize(int inputSize) {
        return Normalization.requireSize(this, inputSize, features, weight);
    }

    @Override
    protected String describe() {
        return "BatchNorm1d(features=" + features + ", eps=" + eps + ", momentum=" + momentum + ")";
    }
}
