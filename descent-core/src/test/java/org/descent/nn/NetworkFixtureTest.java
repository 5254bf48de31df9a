package org.descent.nn;

import static org.descent.Fixtures.assertClose;

import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.descent.Fixtures;
import org.descent.loss.CrossEntropy;
import org.descent.loss.L2Loss;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole networks against {@code networks.json}: PyTorch's output, loss, parameter gradients
 * and input gradient, with the fixture's weights loaded by name.
 */
class NetworkFixtureTest {
    private static final String FILE = "networks.json";

    /** Sets every parameter from the fixture; {@code torchName} maps our name to PyTorch's. */
    private static void load(Module net, Fixtures.Case c, UnaryOperator<String> torchName) {
        net.namedParameters().forEach((name, p) -> p.set(c.tensor(torchName.apply(name)), name));
    }

    /** Runs forward, the loss and backward, and compares everything with the fixture. */
    private static void check(Module net, Fixtures.Case c, Tensor target, boolean classifier,
            UnaryOperator<String> torchName) {
        Tensor x = c.tensor("x").requiresGrad(true);
        Tensor out = net.forward(x);
        assertClose(c.tensor(c.has("out") ? "out" : "y"), out, c.name() + " output");
        Tensor loss = classifier ? new CrossEntropy().compute(out, target) : new L2Loss().compute(out, target);
        assertClose(c.tensor("loss"), loss, c.name() + " loss");
        loss.backward();
        for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) {
            String grad = "grad." + torchName.apply(e.getKey());
            assertClose(c.tensor(grad), e.getValue().grad(), c.name() + " " + grad);
        }
        assertClose(c.tensor("grad.x"), x.grad(), c.name() + " grad.x");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mlp3", "mlp3_f32"})
    void sequentialMatchesPyTorch(String name) {
        Fixtures.Case c = Fixtures.load(FILE, name);
        Random random = new Random(1);
        Module net = new Sequential(new Linear(4, 6, random), new Tanh(), new Linear(6, 5, random), new Relu(),
                new Linear(5, 3, random));
        UnaryOperator<String> torchName = n -> n.substring("layers.".length());
        load(net, c, torchName);
        check(net, c, CrossEntropy.targets(c.labels("labels"), 3, c.dtype()), true, torchName);
    }

    @Test
    void graphWithSkipSumMatchesPyTorch() {
        // out = l3(h1 + σ(l2(h1))), h1 = tanh(l1(x))
        Fixtures.Case c = Fixtures.load(FILE, "dag_skip_sum");
        Random random = new Random(1);
        Graph net = Graph.builder(3)
                .add("l1", new Linear(3, 4, random), "input")
                .add("h1", new Tanh(), "l1")
                .add("l2", new Linear(4, 4, random), "h1")
                .add("s", new Sigmoid(), "l2")
                .add("l3", new Linear(4, 2, random), Combine.SUM, "h1", "s")
                .build();
        load(net, c, UnaryOperator.identity());
        check(net, c, c.tensor("d"), false, UnaryOperator.identity());
    }

    @Test
    void graphWithSkipConcatMatchesPyTorch() {
        // out = l3([x, tanh(l2(tanh(l1(x))))])
        Fixtures.Case c = Fixtures.load(FILE, "dag_skip_concat");
        Random random = new Random(1);
        Graph net = Graph.builder(3)
                .add("l1", new Linear(3, 4, random), "input")
                .add("h1", new Tanh(), "l1")
                .add("l2", new Linear(4, 4, random), "h1")
                .add("h2", new Tanh(), "l2")
                .add("l3", new Linear(7, 2, random), Combine.CONCAT, "input", "h2")
                .build();
        load(net, c, UnaryOperator.identity());
        check(net, c, c.tensor("d"), false, UnaryOperator.identity());
    }

    @Test
    void multiplicativeCombinationMatchesPyTorch() {
        // y = exp(log(x Wᵀ + b) · α), loss = ½ ‖y‖² averaged over the batch
        Fixtures.Case c = Fixtures.load(FILE, "multiplicative");
        Module net = new MultiplicativeCombination(4, 3, 2, new Random(1));
        UnaryOperator<String> torchName = n -> n.replace("linear.", "");
        load(net, c, torchName);
        Tensor zeros = Tensor.zeros(c.dtype(), 5, 2);
        check(net, c, zeros, false, torchName);
    }
}
