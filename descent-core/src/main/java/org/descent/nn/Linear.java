package org.descent.nn;

import java.util.Random;
import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/**
 * The affine map of a layer of neurons: {@code z = x Wᵀ + b}, computed as one graph node whose
 * backward pass gives {@code dL/dW = Gᵀ x}, {@code dL/db = Σ_n G_n}, {@code dL/dx = G W} for
 * {@code G = dL/dz} (see {@link Sequential} for the fusion with a following activation).
 *
 * <p>Shape: input (N, in), output (N, out); weight W (out, in), bias b (out).
 *
 * <p>Initialized like PyTorch's {@code nn.Linear}: W and b uniform in ±1/√in, unless an
 * {@link Init} is given for W (b then starts at 0). Without a bias ({@code bias = false}, as
 * PyTorch's {@code bias=False}, e.g. before a {@link BatchNorm1d}) the layer is {@code z = x Wᵀ},
 * runs as a plain matrix product (not fused) and draws only W.
 */
public final class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    public Linear(int inFeatures, int outFeatures, Random random) {
        this(inFeatures, outFeatures, null, random);
    }

    public Linear(int inFeatures, int outFeatures, Init init, Random random) {
        this(inFeatures, outFeatures, true, init, random);
    }

    /** A layer with a bias b or, if {@code bias} is false, without one. */
    public Linear(int inFeatures, int outFeatures, boolean bias, Random random) {
        this(inFeatures, outFeatures, bias, null, random);
    }

    public Linear(int inFeatures, int outFeatures, boolean bias, Init init, Random random) {
        if (inFeatures <= 0 || outFeatures <= 0) {
            throw new DescentException("Linear needs positive sizes, got in=" + inFeatures + ", out=" + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        double bound = 1.0 / Math.sqrt(inFeatures);
        Tensor w = init == null
                ? Tensor.uniform(random, -bound, bound, DType.FLOAT32, outFeatures, inFeatures)
                : init.weight(random, outFeatures, inFeatures);
        this.weight = addParameter("weight", w);
        if (bias) {
            Tensor b = init == null
                    ? Tensor.uniform(random, -bound, bound, DType.FLOAT32, outFeatures)
                    : Tensor.zeros(DType.FLOAT32, outFeatures);
            this.bias = addParameter("bias", b);
        } else {
            this.bias = null;
        }
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, or null for a layer without one. */
    public Parameter bias() {
        return bias;
    }

    public boolean hasBias() {
        return bias != null;
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (bias == null) {
            requireInput(x);
            return x.matmul(weight.value(), false, true);
        }
        return FusedLinear.apply(this, FusedLinear.Activation.IDENTITY, x);
    }

    /** Refuses an input that is not (N, inFeatures), naming both shapes. */
    void requireInput(Tensor x) {
        if (x.shape().rank() != 2 || x.shape().dim(1) != inFeatures) {
            throw new ShapeException(describe() + ": input of shape " + x.shape() + " does not fit weight of shape "
                    + weight.shape() + "; expected (N, " + inFeatures + ")");
        }
    }

    @Override
    public int outputSize(int inputSize) {
        if (inputSize >= 0 && inputSize != inFeatures) {
            throw new ShapeException(describe() + " expects " + inFeatures + " input features but gets "
                    + inputSize + " (input shape (N, " + inputSize + "), weight shape " + weight.shape() + ")");
        }
        return outFeatures;
    }

    @Override
    protected String describe() {
        return "Linear(in=" + inFeatures + ", out=" + outFeatures + (bias == null ? ", bias=false)" : ")");
    }
}
