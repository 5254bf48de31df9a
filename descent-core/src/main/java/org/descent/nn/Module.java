package org.descent.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * A differentiable piece of a network: {@link #forward} plus the parameters (trained) and
 * buffers (not trained: running statistics, counters) it owns and the modules it contains. Both
 * get stable dotted names from the module tree ({@code layers.0.weight}), which optimizers and
 * the one {@link #state() state map} rely on; the model file, the checkpoint and Spark's weight
 * transfer all save and load that map. {@link #train()} and {@link #eval()} reach every
 * sub-module.
 */
public abstract class Module {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Buffer> buffers = new LinkedHashMap<>();
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
        checkNewName(name);
        Parameter p = new Parameter(initial);
        parameters.put(name, p);
        return p;
    }

    /** Registers non-trained state {@code name} (part of {@link #state()}, not of the parameters). */
    protected final Buffer addBuffer(String name, Tensor initial) {
        checkNewName(name);
        Buffer b = new Buffer(initial);
        buffers.put(name, b);
        return b;
    }

    private void checkNewName(String name) {
        if (name == null || name.isEmpty() || name.contains(".") || parameters.containsKey(name)
                || buffers.containsKey(name)) {
            throw new DescentException(getClass().getSimpleName() + ": parameter or buffer name '" + name
                    + "' must be non-empty, without '.', and not used twice in one module");
        }
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

    /** Every buffer of this module and its sub-modules, by dotted name, each listed once, like {@link #namedParameters()}. */
    public Map<String, Buffer> namedBuffers() {
        Map<String, Buffer> all = new LinkedHashMap<>(buffers);
        Set<Buffer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(buffers.values());
        for (Map.Entry<String, Module> child : children.entrySet()) {
            child.getValue().namedBuffers().forEach((name, b) -> {
                if (seen.add(b)) {
                    all.put(child.getKey() + "." + name, b);
                }
            });
        }
        return all;
    }

    /**
     * The state map, like PyTorch's {@code state_dict()}: every parameter's and buffer's current
     * value by dotted name, the parameters first. A new map each call; the tensors are the live
     * values (not copies).
     */
    public Map<String, Tensor> state() {
        Map<String, Tensor> state = new LinkedHashMap<>();
        namedParameters().forEach((name, p) -> state.put(name, p.value()));
        namedBuffers().forEach((name, b) -> state.put(name, b.value()));
        return state;
    }

    /**
     * Checks that {@code state} has exactly this module's state names with the same shapes,
     * changing nothing; the error names {@code source}, the entry and both shapes.
     */
    public void checkState(Map<String, Tensor> state, String source) {
        StateCheck.check(this, state, source);
    }

    /**
     * Replaces every parameter and buffer by its tensor in {@code state} (kept in that tensor's
     * dtype), after {@link #checkState} has accepted the whole map: a refused map changes nothing.
     */
    public void loadState(Map<String, Tensor> state, String source) {
        checkState(state, source);
        namedParameters().forEach((name, p) -> p.set(state.get(name), name));
        namedBuffers().forEach((name, b) -> b.set(state.get(name), name));
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

    /**
     * A table of the network for {@code inputSize} input features, like Keras' {@code summary()}:
     * each layer (of a {@link Sequential} or a {@link Graph}) with its output shape, parameter count
     * and buffers, then the totals ({@link #summaryTotals()}).
     */
    public String summary(int inputSize) {
        return Summary.of(this, inputSize);
    }

    /** The totals line of {@link #summary}: parameters, their size, buffers. */
    public String summaryTotals() {
        return Summary.totals(this);
    }

    public void zeroGrad() {
        parameters().forEach(Parameter::zeroGrad);
    }

    /** Converts every parameter and buffer to {@code dtype} (float64 for gradient checks). */
    public Module to(DType dtype) {
        namedParameters().forEach((name, p) -> p.set(p.value().copy(dtype), name));
        namedBuffers().forEach((name, b) -> b.set(b.value().copy(dtype), name));
        return this;
    }

    /**
     * Training mode (the default), set on this module and every sub-module; modules that behave
     * differently at evaluation (dropout, running statistics) read {@link #isTraining()}.
     */
    public Module train() {
        setTraining(true);
        return this;
    }

    /** Evaluation mode, set on this module and every sub-module. */
    public Module eval() {
        setTraining(false);
        return this;
    }

    /** Whether the module runs in training mode: its flag, and not inside an {@link EvalMode} scope on this thread. */
    public boolean isTraining() {
        return training && !EvalMode.active();
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
