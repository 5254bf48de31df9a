package org.descent.loss;

import static org.descent.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.descent.Fixtures;
import org.descent.autograd.Backprop;
import org.descent.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of {@code losses.json}: PyTorch's loss value and gradient. */
class LossFixtureTest {
    private static final String FILE = "losses.json";

    static Stream<String> cases() {
        return Fixtures.caseNames(FILE).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name) {
        Fixtures.Case c = Fixtures.load(FILE, name);
        String base = name.replace("_f32", "");
        Loss loss;
        String input;
        Tensor target;
        if (base.startsWith("cross_entropy")) {
            double s = c.has("label_smoothing") ? c.scalar("label_smoothing") : 0.0;
            CrossEntropy crossEntropy = CrossEntropy.withPyTorchSmoothing(s);
            target = CrossEntropy.targets(c.labels("labels"), c.tensor("z").shape().dim(1), c.dtype());
            if (c.has("target")) {
                assertClose(c.tensor("target"), crossEntropy.smoothed(target), name + " smoothed target");
            }
            loss = crossEntropy;
            input = "z";
        } else {
            loss = switch (base) {
                case "l2" -> new L2Loss();
                case "bce" -> new BinaryCrossEntropy();
                case "bce_logits", "bce_logits_extreme" -> new BinaryCrossEntropyWithLogits();
                case "kl_soft" -> new KlDivergence();
                default -> throw new AssertionError("no loss for fixture case " + name);
            };
            input = c.has("y") ? "y" : c.has("p") ? "p" : "z";
            target = c.tensor("d");
        }
        Tensor prediction = c.tensor(input).requiresGrad(true);
        Tensor value = loss.compute(prediction, target);
        assertEquals(0, value.shape().rank(), "the loss is a scalar");
        assertClose(c.tensor("loss"), value, name + " loss");
        Tensor gradient = Backprop.gradients(value, Tensor.ones(value.dtype()), List.of(prediction), false)[0];
        assertClose(c.tensor("dloss_d" + input), gradient, name + " dloss/d" + input);
    }
}
