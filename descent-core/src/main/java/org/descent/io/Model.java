package org.descent.io;

import java.util.Objects;
import java.util.Random;
import org.descent.DescentException;
import org.descent.autograd.NoGrad;
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

    /** A new network for {@code spec}, its weights initialized from {@code random}. */
    public static Model create(NetworkSpec spec, Random random) {
        return new Model(spec, spec.build(random));
    }

    /**
     * The network's outputs for raw {@code features}: the spec's normalization (if any) is applied
     * first, the network runs in evaluation mode, and no graph is recorded. Safe to call from
     * several threads: calls on one model are serialized (each may use the kernels' threads).
     *
     * <p>Shape: input (N, inputSize), output (N, outputSize).
     */
    public Tensor predict(Tensor features) {
        // The train/eval flag is the network's, shared by every caller: threads that predict with
        // one model take turns, so none runs in the mode another has just set.
        synchronized (network) {
            boolean training = network.isTraining();
            network.eval();
            try (NoGrad scope = NoGrad.enter()) {
                Tensor x = spec.normalization() == null ? features : spec.normalization().apply(features);
                return network.forward(x);
            } finally {
                if (training) {
                    network.train();
                }
            }
        }
    }
}
