package org.descent.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * A differentiable piece of a network: {@link #forward} plus the parameters it owns and the
 * modules it contains. Parameters get stable dotted names from the module tree
 * ({@code layers.0.weight}), which model files and optimizers rely on.
 */
public abstract class Module {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** The output for a batch of inputs, one sample per row. */
    public abstract Tensor forward(Tensor input);

    /**
     * The number of output features for {@code inputSize} input features, or −1 if unknown;
     * throws a {@link org.descent.tensor.ShapeException} naming the module if it does not fit.
     * Called when a network is built, so that shape errors appear before any data flows.
     */
    public int outputSize(int inputSize) {
        return inputSize;
    }

    /** One line describing this module alone, e.g. {@code Linear(in=784, out=256)}. */
    protected String describe() {
        return getClass().getSimpleName() + "()";
    }

    protected final Parameter addParameter(String name, Tensor initial) {
        Parameter p = new Parameter(initial);
        parameters.put(name, p);
        return p;
    }

    protected final <M extends Module> M addModule(String name, M module) {
        children.put(name, module);
        return module;
    }

    /** The direct sub-modules by name. */
    public Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /**
     * Every parameter of this module and its sub-modules, by dotted name, in a stable order. A
     * parameter shared by several places (the same module used twice) is listed once, under its
     * first name, so an optimizer steps it once with the sum of its gradients.
     */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> all = new LinkedHashMap<>(parameters);
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(parameters.values());
        for (Map.Entry<String, Module> child : children.entrySet()) {
            child.getValue().namedParameters().forEach((name, p) -> {
                if (seen.add(p)) {
                    all.put(child.getKey() + "." + name, p);
                }
            });
        }
        return all;
    }

    public List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.shape().size();
        }
        return n;
    }

    public void zeroGrad() {
        parameters().forEach(Parameter::zeroGrad);
    }

    /** Converts every parameter to {@code dtype} (float64 for gradient checks). */
    public Module to(DType dtype) {
        namedParameters().forEach((name, p) -> p.set(p.value().copy(dtype), name));
        return this;
    }

    /** Training mode (the default); modules that behave differently at evaluation read it. */
    public Module train() {
        setTraining(true);
        return this;
    }

    public Module eval() {
        setTraining(false);
        return this;
    }

    public boolean isTraining() {
        return training;
    }

    private void setTraining(boolean value) {
        training = value;
        children.values().forEach(c -> c.setTraining(value));
    }

    /** The module tree, one line per module, like PyTorch's printout. */
    @Override
    public String toString() {
        if (children.isEmpty()) {
            return describe();
        }
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append("(\n");
        children.forEach((name, child) -> sb.append("  (").append(name).append("): ")
                .append(child.toString().replace("\n", "\n  ")).append('\n'));
        return sb.append(')').toString();
    }
}
