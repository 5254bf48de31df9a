package org.descent.tensor;

import java.util.List;
import java.util.Random;
import org.descent.DescentException;

/**
 * A dense, row-major array of float32 or float64 values with an optional place in the autograd
 * graph: the user's API (the loops live in package-private classes beside it). Operations return
 * new tensors; the few that write in place say so in their name. When any input
 * {@link #requiresGrad()} (and no {@code autograd.NoGrad} scope is open) an operation records a
 * {@link Node}, and {@link #backward()} fills the {@link #grad()} of the leaves.
 */
public final class Tensor {
    private final Shape shape;
    private final float[] floats;
    private final double[] doubles;
    private final int size;
    private boolean requiresGrad;
    private Node node;
    private Tensor grad;

    Tensor(Shape shape, float[] floats, double[] doubles) {
        this.shape = shape;
        this.floats = floats;
        this.doubles = doubles;
        this.size = shape.size();
        int length = floats != null ? floats.length : doubles.length;
        if (length != size) {
            throw new ShapeException("data of length " + length + " does not fill shape " + shape
                    + " (" + size + " elements)");
        }
    }

    // ---- factories -------------------------------------------------------------------------

    /** A float32 tensor over {@code data} (not copied). */
    public static Tensor of(float[] data, int... dims) {
        return new Tensor(Shape.of(dims), data, null);
    }

    /** A float64 tensor over {@code data} (not copied). */
    public static Tensor of(double[] data, int... dims) {
        return new Tensor(Shape.of(dims), null, data);
    }

    public static Tensor zeros(DType dtype, int... dims) {
        Shape s = Shape.of(dims);
        return dtype == DType.FLOAT32 ? new Tensor(s, new float[s.size()], null) : new Tensor(s, null, new double[s.size()]);
    }

    public static Tensor full(DType dtype, double value, int... dims) { return Values.filled(dtype, value, dims); }
    public static Tensor ones(DType dtype, int... dims) { return full(dtype, 1.0, dims); }
    /** A tensor of shape [] holding one value. */
    public static Tensor scalar(double value, DType dtype) { return full(dtype, value, new int[0]); }
    /** Independent standard normal values from {@code random}. */
    public static Tensor randn(Random random, DType dtype, int... dims) { return Values.randn(random, dtype, dims); }

    /** Independent values uniform in [low, high) from {@code random}. */
    public static Tensor uniform(Random random, double low, double high, DType dtype, int... dims) {
        return Values.uniform(random, low, high, dtype, dims);
    }

    /** A tensor of the same dtype as this one, over new storage. */
    Tensor blank(Shape s) {
        return floats != null ? new Tensor(s, new float[s.size()], null) : new Tensor(s, null, new double[s.size()]);
    }

    // ---- data ------------------------------------------------------------------------------

    public Shape shape() { return shape; }
    public DType dtype() { return floats != null ? DType.FLOAT32 : DType.FLOAT64; }
    public int size() { return size; }
    /** Element at flat row-major index {@code i}. */
    public double get(int i) { return floats != null ? floats[i] : doubles[i]; }
    /** Element at the given index in each dimension. */
    public double at(int... index) { return get(Values.flatIndex(shape, index)); }

    /** Writes one element in place; for building data, not for tensors in a graph. */
    public void set(int i, double value) {
        if (floats != null) {
            floats[i] = (float) value;
        } else {
            doubles[i] = value;
        }
    }

    /** The value of a one-element tensor. */
    public double item() {
        if (size() != 1) {
            throw new ShapeException("item() needs a tensor of one element, got shape " + shape);
        }
        return get(0);
    }

    /** A copy of the values as float64. */
    public double[] toDoubleArray() { return Values.toDoubles(this); }
    /** The live float32 storage (no copy), for kernels and optimizers; null for float64. */
    public float[] floatData() { return floats; }
    /** The live float64 storage (no copy), for kernels and optimizers; null for float32. */
    public double[] doubleData() { return doubles; }
    /** A copy with no graph, in the given dtype. */
    public Tensor copy(DType dtype) { return Values.copy(this, dtype); }
    /** The same values, cut from the graph (shares storage, like PyTorch's {@code detach()}). */
    public Tensor detach() { return new Tensor(shape, floats, doubles); }
    /**
     * {@code this += alpha · other}, in place, with no graph: for optimizers. In float32 the
     * arithmetic is float32 (alpha rounded to float), as in PyTorch, on the axpy kernel.
     */
    public void addInPlace(double alpha, Tensor other) { Values.addInPlace(this, alpha, other); }
    /** Overwrites the values with those of {@code other} (same shape), with no graph. */
    public void copyFromInPlace(Tensor other) { Values.copyInto(this, other); }
    public boolean allFinite() { return Values.allFinite(this); }

    // ---- autograd --------------------------------------------------------------------------

    public boolean requiresGrad() { return requiresGrad; }

    /** Marks a leaf tensor (a parameter or an input) as one whose gradient is wanted. */
    public Tensor requiresGrad(boolean value) {
        if (node != null && !value) {
            throw new DescentException("requiresGrad(false) on a tensor computed in the graph; use detach()");
        }
        this.requiresGrad = value;
        return this;
    }

    /** The operation that produced this tensor, or null for a leaf. */
    public Node node() { return node; }
    /** The accumulated gradient of a leaf after {@link #backward()}, or null. */
    public Tensor grad() { return grad; }
    /** Drops the gradient (see {@code nn.Parameter#zeroGrad()} for a parameter's reused storage). */
    public void zeroGrad() { grad = null; }

    /** Adds {@code g} to this leaf's gradient (what backward does for every leaf). */
    public void accumulateGrad(Tensor g) {
        Ops.requireSameShape("accumulateGrad", this, g);
        try (GradMode.Off scope = GradMode.off()) {
            grad = grad == null ? g : grad.add(g);
        }
    }

    /** Backpropagates from this one-element tensor (a loss) into the leaves' {@link #grad()}. */
    public void backward() { backward(false); }

    /** As {@link #backward()}; with {@code createGraph} the gradients can be differentiated again. */
    public void backward(boolean createGraph) {
        if (size() != 1) {
            throw new ShapeException("backward() needs a one-element output such as a loss, got shape " + shape
                    + "; use Backprop.backward(output, seed, createGraph) for other shapes");
        }
        BackwardPass.backward(this, ones(dtype(), shape.dims()), createGraph);
    }

    /**
     * Records {@code this} as the result of {@code operation} on {@code inputs}, if gradients are
     * being recorded and any input requires them. For {@code autograd.Function} and the
     * operations in this package. Returns this tensor.
     */
    public Tensor recordedFrom(String operation, BackwardRule rule, Tensor... inputs) {
        return record(operation, rule, null, inputs);
    }

    /** As {@link #recordedFrom(String, BackwardRule, Tensor...)}, for a fused node (a fast layer or loss). */
    public Tensor recordedFrom(String operation, FusedRule rule, Tensor... inputs) {
        return record(operation, null, rule, inputs);
    }

    private Tensor record(String operation, BackwardRule rule, FusedRule fused, Tensor... inputs) {
        if (!GradMode.enabled()) {
            return this;
        }
        for (Tensor input : inputs) {
            if (input.requiresGrad) {
                node = new Node(operation, List.of(inputs), rule, fused);
                requiresGrad = true;
                return this;
            }
        }
        return this;
    }

    // ---- operations (see Ops, Reductions, Reshaping, MatMul) -------------------------------

    public Tensor add(Tensor other) { return Ops.add(this, other); }
    public Tensor sub(Tensor other) { return Ops.sub(this, other); }
    public Tensor mul(Tensor other) { return Ops.mul(this, other); }
    public Tensor div(Tensor other) { return Ops.div(this, other); }
    public Tensor add(double c) { return Ops.add(this, scalar(c, dtype())); }
    public Tensor mul(double c) { return Ops.mul(this, scalar(c, dtype())); }
    public Tensor neg() { return Unary.NEG.apply(this); }
    public Tensor exp() { return Unary.EXP.apply(this); }
    public Tensor log() { return Unary.LOG.apply(this); }
    public Tensor sqrt() { return Unary.SQRT.apply(this); }
    public Tensor abs() { return Unary.ABS.apply(this); }
    public Tensor sin() { return Unary.SIN.apply(this); }
    public Tensor cos() { return Unary.COS.apply(this); }
    public Tensor tanh() { return Unary.TANH.apply(this); }
    public Tensor sigmoid() { return Unary.SIGMOID.apply(this); }
    /** max(0, x); its derivative is taken as 1 at x ≥ 0 and 0 below, as in the lecture. */
    public Tensor relu() { return Unary.RELU.apply(this); }
    /** log(1 + e^x), computed without overflow. */
    public Tensor softplus() { return Unary.SOFTPLUS.apply(this); }
    // ---- erf and the smooth activations (see SmoothActivations) ----
    /** The error function, to within 4 ulps in float64 (see {@code Erf}). */
    public Tensor erf() { return SmoothActivations.erf(this); }
    /** GELU, exact: x Φ(x) with Φ(x) = ½(1 + erf(x/√2)). */
    public Tensor gelu() { return SmoothActivations.gelu(this); }
    /** GELU, tanh approximation: ½ x (1 + tanh(√(2/π)(x + 0.044715 x³))). */
    public Tensor geluTanh() { return SmoothActivations.geluTanh(this); }
    /** SiLU (swish): x σ(x). */
    public Tensor silu() { return SmoothActivations.silu(this); }
    /** x for x &gt; 0, αx otherwise. */
    public Tensor leakyRelu(double alpha) { return SmoothActivations.leakyRelu(this, alpha); }
    /** x for x &gt; 0, α(eˣ − 1) otherwise. */
    public Tensor elu(double alpha) { return SmoothActivations.elu(this, alpha); }
    /** 1 where x ≥ 0, else 0; not differentiable (no graph). */
    public Tensor step() { return Unary.STEP.apply(this); }
    /** −1, 0 or 1; not differentiable (no graph). */
    public Tensor sign() { return Unary.SIGN.apply(this); }
    public Tensor square() { return Ops.mul(this, this); }
    /** x^p for a constant exponent p. */
    public Tensor pow(double p) { return Ops.pow(this, p); }

    /** Matrix product of two 2-D tensors. */
    public Tensor matmul(Tensor other) { return MatMul.apply(this, other, false, false); }
    /** {@code op(this) · op(other)}, each operand optionally transposed (without copying). */
    public Tensor matmul(Tensor other, boolean transposeThis, boolean transposeOther) {
        return MatMul.apply(this, other, transposeThis, transposeOther);
    }

    public Tensor sum() { return Reductions.sumAll(this); }
    public Tensor sum(int axis, boolean keepDim) { return Reductions.sum(this, axis, keepDim); }
    public Tensor mean() { return Reductions.sumAll(this).mul(1.0 / size()); }
    public Tensor mean(int axis, boolean keepDim) { return sum(axis, keepDim).mul(1.0 / shape.dim(axis)); }
    public Tensor max(int axis, boolean keepDim) { return Reductions.max(this, axis, keepDim); }
    /** log Σ exp(x) along {@code axis}, shifted by the maximum so nothing overflows. */
    public Tensor logSumExp(int axis, boolean keepDim) { return Reductions.logSumExp(this, axis, keepDim); }
    /** x − logSumExp(x) along {@code axis}, computed as (x − m) − log Σ exp(x − m), m the row maximum. */
    public Tensor logSoftmax(int axis) { return SoftmaxOps.logSoftmax(this, axis); }
    /** exp(x) / Σ exp(x) along {@code axis}, computed as exp(x − m) / Σ exp(x − m), m the row maximum. */
    public Tensor softmax(int axis) { return SoftmaxOps.softmax(this, axis); }

    public Tensor reshape(int... dims) { return Reshaping.reshape(this, Shape.of(dims)); }
    /** Transpose of a 2-D tensor. */
    public Tensor transpose() { return Reshaping.transpose(this); }
    /** Broadcasts to a larger shape (NumPy rules). */
    public Tensor expand(Shape target) { return Reshaping.expand(this, target); }
    /** Sums broadcast dimensions away: the reverse of {@link #expand}. */
    public Tensor sumTo(Shape target) { return Reshaping.sumTo(this, target); }
    /** Elements {@code from..to-1} along {@code axis}. */
    public Tensor slice(int axis, int from, int to) { return Reshaping.slice(this, axis, from, to); }
    /** Joins tensors along {@code axis}; the other dimensions must agree. */
    public static Tensor concat(int axis, Tensor... parts) { return Reshaping.concat(axis, parts); }
    /** The same values in another dtype; gradients flow back converted. */
    public Tensor to(DType dtype) { return Ops.convert(this, dtype); }

    @Override
    public String toString() { return Values.describe(this); }
}
