package org.descent.autograd;

import org.descent.ThreadScope;

/**
 * A scope in which a network's training forward pass (one that records a graph) may write its
 * final output into storage reused from step to step, as Deeplearning4j's workspaces do, so that
 * a training loop allocates no output tensor per step ({@code nn.Sequential} does):
 * <pre>{@code
 * try (var scope = OutputReuse.enter()) {
 *     Tensor loss = lossFunction.compute(model.forward(x), target);
 *     loss.backward();
 * }
 * }</pre>
 * The caller promises to keep nothing of the output: it stays valid until the model's next
 * training forward pass after {@code backward()}, which overwrites it. {@code train.Trainer}
 * trains inside such a scope. Outside one (the default), and for every forward pass that records
 * no graph, outputs are new tensors. Scopes nest and are per thread.
 */
public final class OutputReuse extends ThreadScope {
    private static final ThreadLocal<int[]> DEPTH = counter();

    private OutputReuse() {
        super(DEPTH);
    }

    public static OutputReuse enter() {
        return new OutputReuse();
    }

    /** True while inside at least one scope on this thread. */
    public static boolean active() {
        return active(DEPTH);
    }
}
