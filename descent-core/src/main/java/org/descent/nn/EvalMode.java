package org.descent.nn;

import org.descent.ThreadScope;

/**
 * A scope in which every module runs as in evaluation mode on this thread, whatever its
 * {@link Module#train()}/{@link Module#eval()} flag: dropout passes its input through and batch
 * normalization uses (and leaves unchanged) its running statistics.
 * <pre>{@code try (var eval = EvalMode.enter(); var noGrad = NoGrad.enter()) { outputs = network.forward(x); } }</pre>
 * Unlike {@code network.eval()}, it changes nothing another thread sees: a thread may predict with
 * a network while another trains it in training mode ({@code io.Model#predict} does). Scopes nest
 * and are per thread.
 */
public final class EvalMode extends ThreadScope {
    private static final ThreadLocal<int[]> DEPTH = counter();

    private EvalMode() {
        super(DEPTH);
    }

    public static EvalMode enter() {
        return new EvalMode();
    }

    /** True while inside at least one scope on this thread. */
    public static boolean active() {
        return active(DEPTH);
    }
}
