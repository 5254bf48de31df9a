package org.descent.optim;

import java.util.Map;
import org.descent.DescentException;
import org.descent.tensor.Tensor;

/** η<sub>k</sub> = after(0)·(f + (1 − f) k / W) for k &lt; W, then after(k − W). */
record LinearWarmup(int steps, double startFactor, StepSize after) implements StepSize {
    LinearWarmup {
        if (steps < 1) {
            throw new DescentException("warm-up needs at least 1 step, got " + steps);
        }
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new DescentException("warm-up start factor must be in (0, 1], got " + startFactor);
        }
        if (after == null) {
            throw new DescentException("warm-up needs the schedule that follows it, got null");
        }
    }

    @Override
    public double at(int step) {
        if (Check.step(step) < steps) {
            return after.at(0) * (startFactor + (1 - startFactor) * step / steps);
        }
        return after.at(step - steps);
    }

    @Override
    public Map<String, Tensor> state() {
        return after.state();
    }

    @Override
    public void loadState(Map<String, Tensor> state) {
        after.loadState(state);
    }
}
