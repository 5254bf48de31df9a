package org.descent.io;

import java.util.Objects;
import java.util.Random;
import org.descent.DescentException;
import org.descent.autograd.NoGrad;
import org.descent.nn.EvalMode;
import org.descent.nn.Module;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;

/**
 * A network together with the {@link NetworkSpec} that describes it: what {@link ModelFile} saves
 * and loads. The network, a {@link org.descent.nn.Sequential} or a {@link org.descent.nn.Graph},
 * must have exactly the spec's architecture.
 */
public record Model(NetworkSpec spec, Module network) {

    public Model {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(network, "network");
        Topology actual = Topology.of(network);
        if (!actual.equals(spec.topology())) {
            throw new DescentException("the network " + actual.layers() + " does not have the spec's layers "
                    + spec.layers() + (actual.getClass() == spec.topology().getClass() ? ""
                    : " (a " + kind(actual) + " network, the spec is a " + kind(spec.topology()) + ")"));
        }
        try {
            network.outputSize(spec.inputSize());
        } catch (ShapeException e) {
            throw new DescentException("the network does not fit the spec's " + spec.inputSize() + " inputs: "
                    + e.getMessage(), e);
        }
    }

    private static String kind(Topology topology) {
        return topology instanceof GraphSpec ? "graph" : "sequential";
    }

    /** A new network for {@code spec}, its weights initialized from {@code random}; arguments left at their defaults are filled in. */
    public static Model create(NetworkSpec spec, Random random) {
        Module network = spec.build(random);
        // A spec may leave arguments at their defaults (batch_norm without eps); the model's spec
        // names them all, as the built layers report them, so it is what a model file records.
        return new Model(spec.withTopology(Topology.of(network)), network);
    }

    /**
     * The network's outputs for raw {@code features}: the spec's normalization (if any) is applied
     * first, the network runs in evaluation mode ({@link EvalMode}: a scope of this call, not the
     * network's shared train/eval flag) and no graph is recorded. Safe to call from several
     * threads at once, also while another thread trains the network: the training keeps its mode
     * and is not changed by the predictions. Each prediction sees the weights as they are at that
     * moment; for a model that stays fixed while training goes on, use {@link Predictor#of}.
     *
     * <p>Shape: input (N, inputSize), output (N, outputSize).
     */
    public Tensor predict(Tensor features) {
        try (EvalMode eval = EvalMode.enter(); NoGrad scope = NoGrad.enter()) {
            Tensor x = spec.normalization() == null ? features : spec.normalization().apply(features);
            return network.forward(x);
        }
    }
}
