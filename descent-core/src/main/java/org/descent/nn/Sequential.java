package org.descent.nn;

import java.util.List;
import org.descent.autograd.OutputReuse;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;
import org.descent.tensor.Workspace;

/**
 * Modules applied one after another; the i-th is named {@code layers.i}. The chain of sizes is
 * checked when it is built, so {@code Linear(784, 256)} followed by {@code Linear(128, 10)} is
 * refused at once, naming the layer and both sizes.
 *
 * <p>A {@link Linear} layer followed by {@link Relu}, {@link Sigmoid} or {@link Tanh} runs as one
 * fused node (see {@link FusedLinear}): same values, gradients and parameter names, fewer passes
 * over memory; so does a {@link BatchNorm1d} followed by {@link Relu}. The other layers run one by one. The hidden outputs, pre-activations and the
 * gradients passed between fused layers live in storage reused from step to step (a
 * {@link Workspace} per fused layer); an output that leaves the chain of Linear layers is new,
 * except for the final output of a training forward pass inside an {@link OutputReuse} scope.
 */
public final class Sequential extends Module {
    private final List<Module> layers;
    /** For each Linear layer followed by ReLU, σ or tanh: that activation, fused into it; else null. */
    private final FusedLinear.Activation[] fused;
    /** Reused storage of each fused layer (null for the others). */
    private final Workspace[] buffers;

    public Sequential(Module... layers) {
        this.layers = List.of(layers);
        this.fused = new FusedLinear.Activation[layers.length];
        this.buffers = new Workspace[layers.length];
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] instanceof Linear linear && linear.hasBias()) {
                FusedLinear.Activation next = i + 1 < layers.length ? FusedLinear.activationOf(layers[i + 1]) : null;
                fused[i] = next != null ? next : FusedLinear.Activation.IDENTITY;
                buffers[i] = FusedLinear.workspace("layers." + i);
            }
        }
        int size = -1;
        for (int i = 0; i < layers.length; i++) {
            addModule("layers." + i, layers[i]);
            try {
                size = layers[i].outputSize(size);
            } catch (ShapeException e) {
                throw new ShapeException("layer layers." + i + ": " + e.getMessage());
            }
        }
    }

    public List<Module> layers() {
        return layers;
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (int i = 0; i < layers.size(); i++) {
            try {
                if (fused[i] != null) {
                    int next = fused[i] == FusedLinear.Activation.IDENTITY ? i + 1 : i + 2;
                    // Reused storage only for an output that the next Linear layer (or batch norm, which
                    // like it reads its input until its backward pass) consumes and nobody else sees, or
                    // for the final output of a caller that keeps nothing of it.
                    boolean internal = next < layers.size()
                            ? fused[next] != null || layers.get(next) instanceof BatchNorm1d
                            : OutputReuse.active();
                    x = FusedLinear.apply((Linear) layers.get(i), fused[i], x, buffers[i], !internal);
                    i = next - 1;
                } else if (layers.get(i) instanceof BatchNorm1d norm && i + 1 < layers.size()
                        && layers.get(i + 1) instanceof Relu) {
                    x = norm.forward(x, true);   // batch norm and the ReLU after it as one node
                    i++;
                } else {
                    x = layers.get(i).forward(x);
                }
            } catch (ShapeException e) {
                throw new ShapeException("layer layers." + i + ": " + e.getMessage());
            }
        }
        return x;
    }

    @Override
    public int outputSize(int inputSize) {
        int size = inputSize;
        for (int i = 0; i < layers.size(); i++) {
            try {
                size = layers.get(i).outputSize(size);
            } catch (ShapeException e) {
                throw new ShapeException("layer layers." + i + ": " + e.getMessage());
            }
        }
        return size;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential(\n");
        for (int i = 0; i < layers.size(); i++) {
            sb.append("  (").append(i).append("): ").append(layers.get(i).toString().replace("\n", "\n  ")).append('\n');
        }
        return sb.append(')').toString();
    }
}
