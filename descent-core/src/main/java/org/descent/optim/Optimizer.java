package org.descent.optim;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.descent.DescentException;
import org.descent.internal.kernel.ElementRanges;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;

/**
 * Updates a fixed list of parameters from their gradients: call {@code zeroGrad()}, compute a
 * loss, {@code loss.backward()}, then {@link #step()}. Step k (counted from 0) uses the step size
 * η<sub>k</sub> of the optimizer's {@link StepSize}.
 *
 * <p>Updates are written in place into the parameters' storage (float32 or float64), without
 * recording a graph; per-parameter state is kept in float64 (velocities) or in the parameter's
 * dtype (Adam's moments, so float32 weights update in one float32 loop). A parameter
 * whose gradient is null (it took no part in the loss) is skipped and its state left unchanged.
 * Every update is element-wise, so the parameters are cut into ranges ({@link ElementRanges})
 * that the kernel threads update at once, with the same result for any thread count.
 */
public abstract class Optimizer {
    /** Prefix of the schedule's entries in {@link #state()} (see {@link StepSize#state()}). */
    private static final String SCHEDULE = "schedule.";

    private final List<Parameter> parameters;
    private final StepSize stepSize;
    private final ElementRanges ranges;
    private int stepCount;

    protected Optimizer(List<Parameter> parameters, StepSize stepSize) {
        if (parameters == null || parameters.isEmpty()) {
            throw new DescentException(getClass().getSimpleName() + " got an empty parameter list;"
                    + " pass model.parameters() of a model that has parameters");
        }
        if (stepSize == null) {
            throw new DescentException(getClass().getSimpleName() + " needs a step size, got null");
        }
        Map<Parameter, Integer> seen = new IdentityHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            if (parameter == null) {
                throw new DescentException("parameter " + i + " of " + parameters.size() + " is null");
            }
            Integer first = seen.put(parameter, i);
            if (first != null) {
                throw new DescentException("parameter " + i + " is the same as parameter " + first
                        + "; each parameter must appear once in the list");
            }
        }
        this.parameters = List.copyOf(parameters);
        this.stepSize = stepSize;
        this.ranges = ElementRanges.of(parameters.stream().mapToInt(p -> p.shape().size()).toArray());
    }

    /** Takes step k = {@link #stepCount()} with η<sub>k</sub> = {@link #learningRate()}, then counts it. */
    public final void step() {
        double learningRate = learningRate();
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).grad() != null) {
                beginUpdate(i, parameters.get(i).value(), learningRate);
            }
        }
        ranges.forEach(r -> {
            Parameter parameter = parameters.get(ranges.array(r));
            Tensor grad = parameter.grad();
            if (grad != null) {
                update(ranges.array(r), parameter.value(), grad, ranges.from(r), ranges.to(r), learningRate);
            }
        });
        stepCount++;
    }

    /**
     * Called once per step for each parameter {@code index} that has a gradient, on the calling
     * thread, before any of its elements are updated: for what is per parameter (its state's
     * storage, its update count). Nothing by default.
     */
    protected void beginUpdate(int index, Tensor value, double learningRate) {
    }

    /**
     * Updates elements {@code from..to-1} of parameter {@code index} in place: {@code value} is its
     * live tensor (write through {@link Tensor#floatData()} or {@link Tensor#doubleData()}),
     * {@code grad} its gradient of the same shape. Called on any of the kernel threads, at once
     * for other ranges, so it touches only those elements and their state.
     */
    protected abstract void update(int index, Tensor value, Tensor grad, int from, int to, double learningRate);

    /** Drops the gradients of all parameters, before the next {@code backward()}. */
    public void zeroGrad() {
        parameters.forEach(Parameter::zeroGrad);
    }

    /** The number of steps taken so far. */
    public int stepCount() {
        return stepCount;
    }

    /** η<sub>k</sub> for k = {@link #stepCount()}: the step size the next {@link #step()} uses. */
    public double learningRate() {
        return stepSize.at(stepCount);
    }

    public StepSize stepSize() {
        return stepSize;
    }

    /** The parameters this optimizer updates, in order (unmodifiable). */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * Everything {@link #step()} depends on besides the parameters, for checkpoints: the step
     * count, each subclass's per-parameter state (velocities, moments) and the schedule's state
     * ({@code schedule.*}, e.g. reduce-on-plateau's), as float64 tensors.
     */
    public final Map<String, Tensor> state() {
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("step_count", Tensor.of(new double[] {stepCount}, 1));
        saveState(state);
        stepSize.state().forEach((name, t) -> state.put(SCHEDULE + name, t));
        return state;
    }

    /** Puts back a {@link #state()} saved from an optimizer of the same kind over the same parameters. */
    public final void loadState(Map<String, Tensor> state) {
        Tensor steps = state.get("step_count");
        if (steps == null || steps.size() != 1) {
            throw new DescentException(getClass().getSimpleName() + " state has no step_count; "
                    + "it was not saved from an optimizer");
        }
        int count = count(steps, "step_count");
        restoreState(state);
        Map<String, Tensor> schedule = new LinkedHashMap<>();
        state.forEach((name, t) -> {
            if (name.startsWith(SCHEDULE)) {
                schedule.put(name.substring(SCHEDULE.length()), t);
            }
        });
        stepSize.loadState(schedule);
        stepCount = count;
    }

    /** A saved counter: one whole number in 0..2³¹−1, else the state is refused as damaged. */
    protected final int count(Tensor saved, String name) {
        double value = saved.size() == 1 ? saved.get(0) : Double.NaN;
        if (!(value >= 0 && value <= Integer.MAX_VALUE && value == Math.rint(value))) {
            throw new DescentException(getClass().getSimpleName() + " state '" + name + "' is " + saved
                    + "; expected one whole number of steps (the checkpoint is damaged)");
        }
        return (int) value;
    }

    /** Adds this optimizer's per-parameter state to {@code state}; none by default. */
    protected void saveState(Map<String, Tensor> state) {
    }

    /**
     * Restores what {@link #saveState} wrote; absent entries mean "not started yet". Checks
     * everything before replacing anything, so a refused state leaves the optimizer as it was.
     */
    protected void restoreState(Map<String, Tensor> state) {
    }

    /** State array {@code name} for parameter {@code index}, checked against that parameter's size; null if absent. */
    protected final double[] stateArray(Map<String, Tensor> state, String name, int index) {
        Tensor t = state.get(name);
        if (t == null) {
            return null;
        }
        int expected = parameters.get(index).shape().size();
        if (t.size() != expected) {
            throw new DescentException(getClass().getSimpleName() + " state '" + name + "' has " + t.size()
                    + " values but parameter " + index + " has " + expected + " (shape " + parameters.get(index).shape()
                    + "); the checkpoint is from another network");
        }
        return t.toDoubleArray();
    }

    /** The number of parameters, for sizing per-parameter state. */
    protected final int parameterCount() {
        return parameters.size();
    }
}
