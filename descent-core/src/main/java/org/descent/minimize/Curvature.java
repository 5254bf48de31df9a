package org.descent.minimize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.descent.DescentException;
import org.descent.autograd.Backprop;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * The value, gradient, Hessian-vector products and Hessian of a scalar L(θ) at one point, where
 * θ is a list of tensors (a vector x, or a network's parameters) flattened in order.
 * <ul>
 * <li>gradient g = ∇L(θ), by backpropagation recorded as a graph ({@code createGraph});
 * <li>Hessian-vector product Hv = ∇(g·v), by backpropagating through that graph with seed v,
 *     never forming H (the graph is built once and reused for every v);
 * <li>Hessian H, column j = H e_j, exact up to rounding: second-order backpropagation.
 * </ul>
 * The tensors are used as they are: they must require gradients, and their {@code grad()} is
 * not touched.
 */
public final class Curvature {
    private final List<Tensor> parameters;
    private final double value;
    private final double[] gradient;
    private final Tensor flatGradient;
    private final int size;

    private Curvature(List<Tensor> parameters, Tensor loss) {
        this.parameters = parameters;
        this.value = loss.item();
        Tensor[] grads = Backprop.gradients(loss, Tensor.ones(loss.dtype(), loss.shape().dims()), parameters, true);
        List<Tensor> flat = new ArrayList<>();
        int n = 0;
        for (Tensor g : grads) {
            flat.add(g.reshape(g.size()));
            n += g.size();
        }
        this.size = n;
        this.flatGradient = flat.size() == 1 ? flat.get(0) : Tensor.concat(0, flat.toArray(new Tensor[0]));
        this.gradient = flatGradient.toDoubleArray();
    }

    /**
     * Evaluates {@code loss} once, recording the graph, and prepares its derivatives with
     * respect to {@code parameters}.
     */
    public static Curvature at(Supplier<Tensor> loss, List<Tensor> parameters) {
        if (parameters.isEmpty()) {
            throw new DescentException("no parameters to differentiate with respect to");
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (!parameters.get(i).requiresGrad() || parameters.get(i).node() != null) {
                throw new DescentException("parameter " + i + " (shape " + parameters.get(i).shape()
                        + ") must be a leaf tensor with requiresGrad(true)");
            }
        }
        Tensor value = loss.get();
        if (value.size() != 1) {
            throw new DescentException("the loss must be a single value, got shape " + value.shape());
        }
        return new Curvature(List.copyOf(parameters), value);
    }

    /** The number of scalar parameters n (the Hessian is n × n). */
    public int size() {
        return size;
    }

    public double value() {
        return value;
    }

    /** ∇L, flattened in parameter order. */
    public double[] gradient() {
        return gradient.clone();
    }

    /** ‖∇L‖₂. */
    public double gradientNorm() {
        return Vectors.norm(gradient);
    }

    /** H·v for a vector of length {@link #size()}, by one backward pass through the gradient's graph. */
    public double[] hessianVectorProduct(double[] v) {
        if (v.length != size) {
            throw new DescentException("Hessian-vector product needs a vector of length " + size + ", got " + v.length);
        }
        if (!flatGradient.requiresGrad()) {
            return new double[size];
        }
        Tensor seed = Tensor.of(v.clone(), size);
        if (flatGradient.dtype() != DType.FLOAT64) {
            seed = seed.copy(flatGradient.dtype());
        }
        Tensor[] parts = Backprop.gradients(flatGradient, seed, parameters, false);
        double[] out = new double[size];
        int offset = 0;
        for (Tensor part : parts) {
            for (int i = 0; i < part.size(); i++) {
                out[offset + i] = part.get(i);
            }
            offset += part.size();
        }
        return out;
    }

    /** The dense n × n Hessian H[i][j] = ∂²L/∂θi∂θj, one Hessian-vector product per column. */
    public double[][] hessian() {
        double[][] h = new double[size][size];
        double[] unit = new double[size];
        for (int j = 0; j < size; j++) {
            unit[j] = 1.0;
            double[] column = hessianVectorProduct(unit);
            unit[j] = 0.0;
            for (int i = 0; i < size; i++) {
                h[i][j] = column[i];
            }
        }
        return h;
    }
}
