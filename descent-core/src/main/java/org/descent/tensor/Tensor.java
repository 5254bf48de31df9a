package org.descent.tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.descent.DescentException;
import org.descent.autograd.Backprop;
import org.descent.autograd.BackwardRule;
import org.descent.autograd.NoGrad;
import org.descent.autograd.Node;

/**
 * A dense, row-major array of float32 or float64 values with an optional place in the autograd
 * graph. Operations return new tensors; the few that write in place say so in their name. When
 * any input {@link #requiresGrad()} (and no {@link NoGrad} scope is open) an operation records a
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
    /** Gradient storage this leaf owns, reused from step to step (see {@link #takeGradBuffer()}). */
    private Tensor ownedGrad;
    /** For a computed tensor: storage its operation lends, once, for its gradient (see {@link #lendGradBuffer}). */
    private Supplier<Tensor> gradLender;
    /** The owned buffer has been this tensor's {@link #grad()} since the last {@link #zeroGrad()}. */
    private boolean ownedGradInUse;
    private boolean ownedGradSpare;

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

    public static Tensor full(DType dtype, double value, int... dims) {
        Tensor t = zeros(dtype, dims);
        if (t.floats != null) {
            Arrays.fill(t.floats, (float) value);
        } else {
            Arrays.fill(t.doubles, value);
        }
        return t;
    }

    public static Tensor ones(DType dtype, int... dims) {
        return full(dtype, 1.0, dims);
    }

    /** A tensor of shape [] holding one value. */
    public static Tensor scalar(double value, DType dtype) {
        return full(dtype, value, new int[0]);
    }

    /** Independent standard normal values from {@code random}. */
    public static Tensor randn(Random random, DType dtype, int... dims) {
        Tensor t = zeros(dtype, dims);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, random.nextGaussian());
        }
        return t;
    }

    /** Independent values uniform in [low, high) from {@code random}. */
    public static Tensor uniform(Random random, double low, double high, DType dtype, int... dims) {
        Tensor t = zeros(dtype, dims);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, low + (high - low) * random.nextDouble());
        }
        return t;
    }

    /** A tensor of the same dtype as this one, over new storage. */
    Tensor blank(Shape s) {
        return floats != null ? new Tensor(s, new float[s.size()], null) : new Tensor(s, null, new double[s.size()]);
    }

    // ---- data ------------------------------------------------------------------------------

    public Shape shape() {
        return shape;
    }

    public DType dtype() {
        return floats != null ? DType.FLOAT32 : DType.FLOAT64;
    }

    public int size() {
        return size;
    }

    /** Element at flat row-major index {@code i}. */
    public double get(int i) {
        return floats != null ? floats[i] : doubles[i];
    }

    /** Element at the given index in each dimension. */
    public double at(int... index) {
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
        return get(flat);
    }

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
    public double[] toDoubleArray() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** The live float32 storage (no copy), for kernels and optimizers; null for float64. */
    public float[] floatData() {
        return floats;
    }

    /** The live float64 storage (no copy), for kernels and optimizers; null for float32. */
    public double[] doubleData() {
        return doubles;
    }

    /** A copy with no graph, in the given dtype. */
    public Tensor copy(DType dtype) {
        Tensor out = zeros(dtype, shape.dims());
        for (int i = 0; i < size(); i++) {
            out.set(i, get(i));
        }
        return out;
    }

    /** The same values, cut from the graph (shares storage, like PyTorch's {@code detach()}). */
    public Tensor detach() {
        return new Tensor(shape, floats, doubles);
    }

    /**
     * {@code this += alpha · other}, in place, with no graph: for optimizers. In float32 the
     * arithmetic is float32 (alpha rounded to float), as in PyTorch, on the
     * {@link Kernels#axpy} kernel.
     */
    public void addInPlace(double alpha, Tensor other) {
        Ops.requireSameShape("addInPlace", this, other);
        if (floats != null && other.floats != null) {
            Kernels.active().axpy((float) alpha, other.floats, floats, size);
            return;
        }
        for (int i = 0; i < size(); i++) {
            set(i, get(i) + alpha * other.get(i));
        }
    }

    /** Overwrites the values with those of {@code other} (same shape), with no graph. */
    public void copyFromInPlace(Tensor other) {
        Ops.requireSameShape("copyFromInPlace", this, other);
        for (int i = 0; i < size(); i++) {
            set(i, other.get(i));
        }
    }

    public boolean allFinite() {
        for (int i = 0; i < size(); i++) {
            if (!Double.isFinite(get(i))) {
                return false;
            }
        }
        return true;
    }

    // ---- autograd --------------------------------------------------------------------------

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf tensor (a parameter or an input) as one whose gradient is wanted. */
    public Tensor requiresGrad(boolean value) {
        if (node != null && !value) {
            throw new DescentException("requiresGrad(false) on a tensor computed in the graph; use detach()");
        }
        this.requiresGrad = value;
        return this;
    }

    /** The operation that produced this tensor, or null for a leaf. */
    public Node node() {
        return node;
    }

    /** The accumulated gradient of a leaf after {@link #backward()}, or null. */
    public Tensor grad() {
        return grad;
    }

    /**
     * Drops the gradient. If it was this tensor's own buffer ({@link #takeGradBuffer()}), the
     * next backward pass writes into that storage again, so a reference to the old
     * {@link #grad()} sees the new values (as PyTorch's {@code zero_grad(set_to_none=False)}):
     * copy a gradient to keep it.
     */
    public void zeroGrad() {
        ownedGradSpare |= ownedGradInUse;
        ownedGradInUse = false;
        grad = null;
    }

    /**
     * For backward rules that write a gradient themselves, so that steady-state training
     * allocates no new gradient per step: storage of this tensor's shape and dtype to be
     * overwritten with the gradient of this tensor and returned as it, or null (then the rule
     * allocates a fresh tensor).
     * <ul>
     * <li>For a leaf: storage only this leaf owns. Null while it is in use (the gradient of this
     * tensor, or handed out before); it is free again after {@link #zeroGrad()}.
     * <li>For a computed tensor: the storage its operation lent with {@link #lendGradBuffer}, at
     * most once per graph. Backprop hands that gradient only to the lending operation's own
     * backward rule (and {@link Backprop#gradients} returns a copy), so nobody keeps it.
     * </ul>
     */
    public Tensor takeGradBuffer() {
        if (node != null) {
            Supplier<Tensor> lender = gradLender;
            gradLender = null;
            return lender == null ? null : lender.get();
        }
        if (!requiresGrad) {
            return null;
        }
        if (ownedGrad == null) {
            ownedGrad = blank(shape);
            return ownedGrad;
        }
        if (ownedGradSpare) {
            ownedGradSpare = false;
            return ownedGrad;
        }
        return null;
    }

    /**
     * Where a backward rule writes the gradient of this tensor: the storage
     * {@link #takeGradBuffer()} offers, else a new zeroed tensor of this shape and dtype.
     */
    public Tensor gradStorage() {
        Tensor offered = takeGradBuffer();
        return offered != null ? offered : zeros(dtype(), shape.dims());
    }

    /**
     * For an operation whose backward rule reads the gradient at its output and keeps nothing of
     * it (the fused layers): lends storage, reused from step to step, to whichever rule computes
     * the gradient of this computed tensor first (see {@link #takeGradBuffer()}). The
     * {@code lender} gives that storage, or null if the operation can no longer lend it (its
     * storage was taken by a later graph). Returns this tensor.
     */
    public Tensor lendGradBuffer(Supplier<Tensor> lender) {
        if (node == null) {
            throw new DescentException("lendGradBuffer() on a leaf tensor: only an operation's output can be lent"
                    + " gradient storage");
        }
        gradLender = lender;
        return this;
    }

    /** Adds {@code g} to this leaf's gradient (what backward does for every leaf). */
    public void accumulateGrad(Tensor g) {
        Ops.requireSameShape("accumulateGrad", this, g);
        ownedGradInUse |= g == ownedGrad;
        try (NoGrad scope = NoGrad.enter()) {
            grad = grad == null ? g : grad.add(g);
        }
    }

    /** Backpropagates from this one-element tensor (a loss) into the leaves' {@link #grad()}. */
    public void backward() {
        backward(false);
    }

    /** As {@link #backward()}; with {@code createGraph} the gradients can be differentiated again. */
    public void backward(boolean createGraph) {
        if (size() != 1) {
            throw new ShapeException("backward() needs a one-element output such as a loss, got shape " + shape
                    + "; use Backprop.backward(output, seed, createGraph) for other shapes");
        }
        Backprop.backward(this, ones(dtype(), shape.dims()), createGraph);
    }

    /**
     * Records {@code this} as the result of {@code operation} on {@code inputs}, if gradients are
     * being recorded and any input requires them. For {@link org.descent.autograd.Function} and
     * the operations in this package.
     */
    public Tensor recordedFrom(String operation, BackwardRule rule, Tensor... inputs) {
        if (NoGrad.active()) {
            return this;
        }
        for (Tensor input : inputs) {
            if (input.requiresGrad) {
                node = new Node(operation, List.of(inputs), rule);
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
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor(").append(dtype()).append(' ').append(shape).append(' ');
        int n = Math.min(size(), 8);
        sb.append('[');
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "").append((float) get(i));
        }
        sb.append(size() > n ? ", ...]" : "]");
        if (node != null) {
            sb.append(" from ").append(node.operation());
        }
        return sb.append(')').toString();
    }
}
