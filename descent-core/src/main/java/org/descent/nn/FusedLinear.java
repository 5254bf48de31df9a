package org.descent.nn;

import org.descent.tensor.DType;
import org.descent.tensor.FusedRule;
import org.descent.tensor.GradientStorage;
import org.descent.tensor.GradMode;
import org.descent.internal.kernel.Kernels;
import org.descent.tensor.Tensor;
import org.descent.tensor.Workspace;

/**
 * A {@link Linear} layer and the activation after it as one graph node:
 * {@code a = act(z)}, {@code z = x Wᵀ + b}. The bias and the activation are applied in one pass
 * over the product. With {@code g = dL/da} the fast backward pass computes
 *
 * <pre>
 *   dZ    = g ⊙ act'(z)              (once; act' = step(z) for ReLU, a(1 − a) for σ, 1 − a² for tanh)
 *   dL/dW = dZᵀ x,   dL/db = Σ_n dZ_n,   dL/dx = dZ W
 * </pre>
 *
 * writing dW and db into the parameters' own storage ({@link Parameter#gradientStorage}) and dX
 * into what the layer before lends. Its {@link FusedRule#reference() reference} is the unfused
 * composition of tensor operations, differentiated instead for second derivatives.
 * {@link Sequential} uses this for every {@code Linear} (followed by {@link Relu},
 * {@link Sigmoid} or {@link Tanh} when one comes next), with a {@link Workspace} per position for
 * z, the output, the gradient at the output and dZ.
 *
 * <p>Shape: input (N, in), output (N, out).
 */
final class FusedLinear implements FusedRule {
    /** The activation fused after the affine map. */
    enum Activation { IDENTITY, RELU, SIGMOID, TANH }

    /** Slots of a layer's {@link Workspace}. */
    static final int Z = 0;
    static final int OUTPUT = 1;
    static final int OUTPUT_GRADIENT = 2;
    /** dZ = g ⊙ act'(z), used only inside the fast backward. */
    static final int DZ = 3;

    private final Activation act;
    private final Linear linear;
    private final Tensor x;
    private final Tensor w;
    private final Tensor b;
    private final Tensor z;
    private final Tensor a;
    private final Workspace.Lease lease;

    private FusedLinear(Activation act, Linear linear, Tensor x, Tensor z, Tensor a, Workspace.Lease lease) {
        this.act = act;
        this.linear = linear;
        this.x = x;
        this.w = linear.weight().value();
        this.b = linear.bias().value();
        this.z = z;
        this.a = a;
        this.lease = lease;
    }

    /** A workspace for the layer at {@code position} of a {@link Sequential}. */
    static Workspace workspace(String position) {
        return new Workspace(4, position + ": backward through a graph whose buffers a later forward pass has reused;"
                + " call backward() before the next forward pass, or run the forward pass again");
    }

    /** The activation to fuse for {@code module}, or null if it cannot be fused. */
    static Activation activationOf(Module module) {
        if (module instanceof Relu) {
            return Activation.RELU;
        }
        if (module instanceof Sigmoid) {
            return Activation.SIGMOID;
        }
        return module instanceof Tanh ? Activation.TANH : null;
    }

    /** {@code act(x Wᵀ + b)} for the weight and bias of {@code linear}, recorded as one node, over new storage. */
    static Tensor apply(Linear linear, Activation act, Tensor x) {
        return apply(linear, act, x, null, true);
    }

    /**
     * As {@link #apply(Linear, Activation, Tensor)}, with z, the gradient at the output (lent to
     * the rule that computes it) and, unless {@code freshOutput} (an output the caller may keep),
     * the output in {@code workspace} (may be null), reused from step to step while free.
     */
    static Tensor apply(Linear linear, Activation act, Tensor x, Workspace workspace, boolean freshOutput) {
        linear.requireInput(x);
        Tensor w = linear.weight().value();
        Tensor b = linear.bias().value();
        if (x.dtype() != w.dtype() || b.dtype() != w.dtype()) {
            return unfused(act, x, w, b);
        }
        // Only a pass that records a graph reuses storage (given back by its backward pass);
        // inference allocates, as several threads may run one model at once.
        boolean records = GradMode.enabled() && (x.requiresGrad() || w.requiresGrad() || b.requiresGrad());
        Workspace.Lease lease = workspace == null || !records ? Workspace.Lease.NONE : workspace.take();
        int n = x.shape().dim(0);
        int out = linear.outFeatures();
        boolean identity = act == Activation.IDENTITY;
        Tensor z = identity && freshOutput ? Tensor.zeros(w.dtype(), n, out) : lease.tensor(Z, w.dtype(), n, out);
        gemm(x, w, z, n, out, linear.inFeatures(), false, true);
        Tensor a = identity ? z : freshOutput ? Tensor.zeros(w.dtype(), n, out) : lease.tensor(OUTPUT, w.dtype(), n, out);
        ElementLoops.biasActivation(z, b, a, act);
        String name = identity ? "linear" : "linear+" + act.name().toLowerCase();
        return a.recordedFrom(name, new FusedLinear(act, linear, x, z, a, lease), x, w, b);
    }

    @Override
    public Workspace.Lease lease() {
        return lease;
    }

    @Override
    public Tensor outputGradientStorage() {
        return lease.reusedTensor(OUTPUT_GRADIENT, a.dtype(), a.shape().dim(0), a.shape().dim(1));
    }

    @Override
    public Tensor reference() {
        return unfused(act, x, w, b);
    }

    @Override
    public Tensor[] backward(Tensor g, GradientStorage storage) {
        int n = x.shape().dim(0);
        int in = w.shape().dim(1);
        int out = w.shape().dim(0);
        Tensor dZ = act == Activation.IDENTITY ? g
                : ElementLoops.activationGradient(g, z, a, act, lease.tensor(DZ, g.dtype(), n, out));
        Tensor dX = null;
        Tensor dW = null;
        Tensor dB = null;
        if (x.requiresGrad()) {
            dX = storage.of(0);
            gemm(dZ, w, dX, n, in, out, false, false);
        }
        if (w.requiresGrad()) {
            dW = linear.weight().gradientStorage(w);
            gemm(dZ, x, dW, out, in, n, true, false);
        }
        if (b.requiresGrad()) {
            dB = linear.bias().gradientStorage(b);
            ElementLoops.columnSums(dZ, dB);
        }
        return new Tensor[] {dX, dW, dB};
    }

    /** The same function from tensor operations (recorded when gradients are). */
    static Tensor unfused(Activation act, Tensor x, Tensor w, Tensor b) {
        Tensor z = x.matmul(w, false, true).add(b);
        return switch (act) {
            case IDENTITY -> z;
            case RELU -> z.relu();
            case SIGMOID -> z.sigmoid();
            case TANH -> z.tanh();
        };
    }

    private static void gemm(Tensor a, Tensor b, Tensor c, int m, int n, int k, boolean transA, boolean transB) {
        if (c.floatData() != null) {
            Kernels.active().gemm(a.floatData(), b.floatData(), c.floatData(), m, n, k, transA, transB);
        } else {
            Kernels.active().gemm(a.doubleData(), b.doubleData(), c.doubleData(), m, n, k, transA, transB);
        }
    }
}
