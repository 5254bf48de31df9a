package org.descent.nn;

import java.util.List;
import org.descent.autograd.NoGrad;
import org.descent.tensor.DType;
import org.descent.tensor.Shape;
import org.descent.tensor.Tensor;

/**
 * A test-only stateful layer, written as a new layer kind is meant to be: this one file plus one
 * registry line ({@code LayerRegistry.register(RunningMean.TYPE)}). It centres its input,
 * {@code y = x − m}, where the buffer {@code m} is the running mean of the batches seen in training,
 * {@code m ← (1 − momentum) m + momentum · mean_n(x_n)}, and the buffer {@code batches} counts
 * them; in evaluation mode {@code m} is used as it is (the pattern of BatchNorm's running
 * statistics).
 *
 * <p>Shape: input (N, F), output (N, F); buffers {@code mean} (F), {@code batches} (1).
 */
final class RunningMean extends Module {
    static final LayerType<RunningMean> TYPE = new LayerType<>("running_mean", RunningMean.class, List.of("momentum"),
            (args, in, random) -> new RunningMean(in, args.number("momentum", 0.1)),
            layer -> LayerArguments.of("momentum", layer.momentum),
            (args, in) -> LayerLayout.of(in, "mean", Shape.of(in), "batches", Shape.of(1)));

    private final int features;
    private final double momentum;
    private final Buffer mean;
    private final Buffer batches;

    RunningMean(int features, double momentum) {
        this.features = features;
        this.momentum = momentum;
        this.mean = addBuffer("mean", Tensor.zeros(DType.FLOAT32, features));
        this.batches = addBuffer("batches", Tensor.zeros(DType.FLOAT32, 1));
    }

    Buffer mean() {
        return mean;
    }

    Buffer batches() {
        return batches;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (isTraining()) {
            try (NoGrad scope = NoGrad.enter()) {
                Tensor batchMean = input.detach().mean(0, false).copy(mean.value().dtype());
                mean.set(mean.value().mul(1 - momentum).add(batchMean.mul(momentum)), "mean");
                batches.set(batches.value().add(1.0), "batches");
            }
        }
        return input.sub(mean.value().copy(input.dtype()));
    }

    @Override
    protected String describe() {
        return "RunningMean(features=" + features + ", momentum=" + momentum + ")";
    }
}
