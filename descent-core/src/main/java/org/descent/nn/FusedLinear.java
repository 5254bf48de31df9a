package org.descent.nn;

import java.util.List;
import org.descent.autograd.Backprop;
import org.descent.autograd.NoGrad;
import org.descent.tensor.DType;
import org.descent.internal.kernel.Kernels;
import org.descent.tensor.Tensor;

/**
 * A {@link Linear} layer and the activation after it as one graph node:
 * {@code a = act(z)}, {@code z = x Wᵀ + b}. The bias and the activation are applied in one pass
 * over the product. With {@code g = dL/da} the backward pass computes
 *
 * <pre>
 *   dZ    = g ⊙ act'(z)              (once; act' = step(z) for ReLU, a(1 − a) for σ, 1 − a² for tanh)
 *   dL/dW = dZᵀ x,   dL/db = Σ_n dZ_n,   dL/dx = dZ W
 * </pre>
 *
 * When the backward pass itself records a graph (second derivatives, {@code createGraph}) the
 * rule recomputes the unfused composition of tensor operations and differentiates that, so higher
 * derivatives stay exact. {@link Sequential} uses this for every {@code Linear} (followed by
 * {@link Relu}, {@link Sigmoid} or {@link Tanh} when one comes next).
 *
 * <p>Shape: input (N, in), output (N, out).
 */
final class FusedLinear {
    /** The activation fused after the affine map. */
    enum Activation { IDENTITY, RELU, SIGMOID, TANH }

    /**
     * dZ of the float32 backward pass, used only inside one rule: a few buffers per thread (one per
     * distinct layer size, up to eight) serve every layer.
     */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[8][0]);

    private FusedLinear() {
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
     * the rule that computes it, see {@link Tensor#lendGradBuffer}) and, unless
     * {@code freshOutput} (an output the caller may keep), the output in {@code buffers} (may be
     * null), which are reused from step to step while free.
     */
    static Tensor apply(Linear linear, Activation act, Tensor x, LayerBuffers buffers, boolean freshOutput) {
        linear.requireInput(x);
        Tensor w = linear.weight().value();
        Tensor b = linear.bias().value();
        if (x.dtype() != w.dtype() || b.dtype() != w.dtype()) {
            return unfused(act, x, w, b);
        }
        // Only a pass that records a graph reuses storage (freed by its backward pass); inference
        // allocates, as several threads may run one model at once.
        boolean records = !NoGrad.active() && (x.requiresGrad() || w.requiresGrad() || b.requiresGrad());
        int taken = buffers == null || !records ? 0 : buffers.take();
        int n = x.shape().dim(0);
        int out = linear.outFeatures();
        boolean identity = act == Activation.IDENTITY;
        Tensor z = storage(buffers, identity && freshOutput ? 0 : taken, LayerBuffers.Slot.Z, w.dtype(), n, out);
        gemm(x, w, z, n, out, linear.inFeatures(), false, true);
        Tensor a = identity ? z : storage(buffers, freshOutput ? 0 : taken, LayerBuffers.Slot.OUTPUT, w.dtype(), n, out);
        ElementLoops.biasActivation(z, b, a, act);
        String name = identity ? "linear" : "linear+" + act.name().toLowerCase();
        a.recordedFrom(name, g -> backward(act, x, w, b, z, a, g, buffers, taken), x, w, b);
        if (taken != 0) {   // taken only by a pass that records, so a has its node
            a.lendGradBuffer(() -> buffers.outputGradient(taken, a.dtype(), n, out));
        }
        return a;
    }

    private static Tensor[] backward(Activation act, Tensor x, Tensor w, Tensor b, Tensor z, Tensor a, Tensor g,
            LayerBuffers buffers, int taken) {
        if (buffers != null) {
            buffers.requireCurrent(taken);
        }
        if (!NoGrad.active()) {
            return Backprop.gradients(unfused(act, x, w, b), g, List.of(x, w, b), true);
        }
        int n = x.shape().dim(0);
        int in = w.shape().dim(1);
        int out = w.shape().dim(0);
        Tensor dZ = act == Activation.IDENTITY ? g : ElementLoops.activationGradient(g, z, a, act, SCRATCH.get());
        Tensor dX = null;
        Tensor dW = null;
        Tensor dB = null;
        if (x.requiresGrad()) {
            dX = x.gradStorage();
            gemm(dZ, w, dX, n, in, out, false, false);
        }
        if (w.requiresGrad()) {
            dW = w.gradStorage();
            gemm(dZ, x, dW, out, in, n, true, false);
        }
        if (b.requiresGrad()) {
            dB = b.gradStorage();
            ElementLoops.columnSums(dZ, dB);
        }
        if (buffers != null) {
            buffers.release(taken);
        }
        return new Tensor[] {dX, dW, dB};
    }

    /** A (rows, cols) tensor over the reused array of {@code slot}, or over new storage if there are no buffers. */
    private static Tensor storage(LayerBuffers buffers, int taken, LayerBuffers.Slot slot, DType dtype, int rows, int cols) {
        return buffers == null ? Tensor.zeros(dtype, rows, cols) : buffers.tensor(taken, slot, dtype, rows, cols);
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
