package org.descent.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * Reduces the step size when a metric (the validation loss) stops improving, as PyTorch's
 * {@code ReduceLROnPlateau} (mode min, relative threshold): after each epoch
 * {@link #observe(double, int)} gets the metric; an epoch is better if the metric is below
 * best · (1 − threshold); after more than {@code patience} epochs in a row without a better one
 * the step size is multiplied by {@code factor} (never below {@code minimum}; a change under
 * 10⁻⁸ is skipped, as PyTorch's eps), and the next {@code cooldown} epochs count no bad epochs.
 * It wraps any schedule: η<sub>k</sub> = max(s · inner(k), minimum) once reduced, with s the
 * product of the factors, else inner(k).
 *
 * <p>Its state (scale, best, counters) goes into checkpoints through the optimizer's state, so
 * a resumed run reduces at the same epochs.
 */
public final class ReduceOnPlateau implements StepSize {
    private static final double EPS = 1e-8;

    private final StepSize inner;
    private final double factor;
    private final int patience;
    private final int cooldown;
    private final double minimum;
    private final double threshold;
    private double scale = 1;
    private boolean reduced;
    private double best = Double.POSITIVE_INFINITY;
    private int badEpochs;
    private int cooldownLeft;

    /**
     * @param factor    multiplies the step size at a plateau, in (0, 1) (PyTorch: 0.1)
     * @param patience  epochs without improvement tolerated, ≥ 0 (PyTorch: 10)
     * @param cooldown  epochs after a reduction in which no bad epochs are counted, ≥ 0 (PyTorch: 0)
     * @param minimum   the lowest step size, ≥ 0 (PyTorch: 0)
     * @param threshold the relative improvement that counts as better, in [0, 1) (PyTorch: 10⁻⁴)
     */
    public ReduceOnPlateau(StepSize inner, double factor, int patience, int cooldown, double minimum,
                           double threshold) {
        if (inner == null) {
            throw new DescentException("reduce-on-plateau needs the schedule it scales, got null");
        }
        if (!(factor > 0 && factor < 1)) {
            throw new DescentException("reduce-on-plateau factor must be in (0, 1), got " + factor);
        }
        if (patience < 0 || cooldown < 0) {
            throw new DescentException("reduce-on-plateau patience and cooldown must be >= 0 epochs, got "
                    + patience + " and " + cooldown);
        }
        Check.nonNegative("reduce-on-plateau minimum step size", minimum);
        Check.unitInterval("reduce-on-plateau threshold", threshold);
        this.inner = inner;
        this.factor = factor;
        this.patience = patience;
        this.cooldown = cooldown;
        this.minimum = minimum;
        this.threshold = threshold;
    }

    /** PyTorch's defaults: factor 0.1, patience 10, cooldown 0, minimum 0, threshold 10⁻⁴. */
    public static ReduceOnPlateau of(StepSize inner) {
        return new ReduceOnPlateau(inner, 0.1, 10, 0, 0, 1e-4);
    }

    @Override
    public double at(int step) {
        double rate = inner.at(step);
        return reduced ? Math.max(rate * scale, minimum) : rate;
    }

    /** The metric after an epoch; {@code nextStep} is the step the next update takes. */
    public void observe(double metric, int nextStep) {
        if (metric < best * (1 - threshold)) {
            best = metric;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badEpochs = 0;
        }
        if (badEpochs > patience) {
            double old = at(nextStep);
            double lowered = Math.max(old * factor, minimum);
            if (old - lowered > EPS) {
                scale *= factor;
                reduced = true;
            }
            cooldownLeft = cooldown;
            badEpochs = 0;
        }
    }

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> state = new LinkedHashMap<>(inner.state());
        state.put("plateau", Tensor.of(new double[] {scale, reduced ? 1 : 0, best, badEpochs, cooldownLeft}, 5));
        return state;
    }

    @Override
    public void loadState(Map<String, Tensor> state) {
        inner.loadState(state);
        Tensor saved = state.get("plateau");
        if (saved == null) {
            return;
        }
        if (saved.size() != 5) {
            throw new DescentException("reduce-on-plateau state has " + saved.size() + " values, expected 5;"
                    + " the checkpoint is from another schedule");
        }
        scale = saved.get(0);
        reduced = saved.get(1) != 0;
        best = saved.get(2);
        badEpochs = (int) saved.get(3);
        cooldownLeft = (int) saved.get(4);
    }
}
