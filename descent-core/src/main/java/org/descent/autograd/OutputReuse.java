package org.descent.autograd;

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
public final class OutputReuse implements AutoCloseable {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private boolean closed;

    private OutputReuse() {
        DEPTH.get()[0]++;
    }

    public static OutputReuse enter() {
        return new OutputReuse();
    }

    /** True while inside at least one scope on this thread. */
    public static boolean active() {
        return DEPTH.get()[0] > 0;
    }

    /** Closes the scope; closing twice closes once. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            DEPTH.get()[0]--;
        }
    }
}
