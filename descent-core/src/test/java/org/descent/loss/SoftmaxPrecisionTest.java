package org.descent.loss;

import static org.descent.Fixtures.assertClose;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.descent.Fixtures;
import org.descent.autograd.Backprop;
import org.descent.nn.LogSoftmax;
import org.descent.nn.Softmax;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.descent.train.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path that computes a softmax, at large logits (toolbox_softmax.json): rows at
 * 12345..12347, ±1e4 and −1e4 + small steps in float32 and float64, and |z| = 1e8 in float64
 * (exact values from mpmath). Float32 must be within 1e-5 relative of the float64 reference,
 * float64 within 1e-10. Before the fix, float32 gave 0.665493 for softmax(12345, 12346, 12347)₂
 * (exact 0.665241), and float64 was off by 7e-9 at 1e8.
 */
class SoftmaxPrecisionTest {
    private static final Tensor TARGET = Tensor.of(new double[] {0.2, 0.3, 0.5}, 1, 3);

    /** A path from logits to a tensor, and how the reference softmax / log-softmax give its expected value. */
    private record Path(String name, Function<Tensor, Tensor> compute, Function<Reference, Tensor> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private record Reference(Tensor softmax, Tensor logSoftmax) {
    }

    static Stream<Path> paths() {
        return Stream.of(
            new Path("Tensor.softmax", z -> z.softmax(1), Reference::softmax),
            new Path("Tensor.logSoftmax", z -> z.logSoftmax(-1), Reference::logSoftmax),
            new Path("nn.Softmax", z -> new Softmax().forward(z), Reference::softmax),
            new Path("nn.LogSoftmax", z -> new LogSoftmax().forward(z), Reference::logSoftmax),
            new Path("Task.MULTICLASS probabilities", Task.MULTICLASS::readable, Reference::softmax),
            new Path("KlDivergence", z -> new KlDivergence().compute(z, target(z)), r -> kl(r.logSoftmax())),
            new Path("CrossEntropy (fused)", z -> new CrossEntropy().compute(z, target(z)), r -> crossEntropy(r.logSoftmax(), 1)),
            new Path("CrossEntropy (unfused)", z -> SoftmaxCrossEntropy.unfused(z, target(z)), r -> crossEntropy(r.logSoftmax(), 1)),
            new Path("WeightedCrossEntropy", z -> new WeightedCrossEntropy(1, 1, 1).compute(z, target(z)),
                    r -> crossEntropy(r.logSoftmax(), 1)),
            new Path("CrossEntropy gradient", SoftmaxPrecisionTest::crossEntropyGradient,
                    r -> r.softmax().sub(target(r.softmax())).mul(1.0 / r.softmax().shape().dim(0))));
    }

    static Stream<Arguments> cases() {
        return paths().flatMap(p -> Stream.of(Arguments.of(p, "large_logits", DType.FLOAT32),
                Arguments.of(p, "large_logits", DType.FLOAT64), Arguments.of(p, "logits_1e8", DType.FLOAT64)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void isAccurateAtLargeLogits(Path path, String fixture, DType dtype) {
        Fixtures.Case c = Fixtures.load("toolbox_softmax.json", fixture);
        Tensor z = c.tensor("z").copy(dtype);
        Reference reference = new Reference(c.tensor("softmax"), c.tensor("log_softmax"));
        assertClose(path.expected().apply(reference), path.compute().apply(z), path + " " + fixture + " " + dtype);
    }

    /** The same distribution in every row, in the dtype of {@code like}. */
    private static Tensor target(Tensor like) {
        int rows = like.shape().dim(0);
        Tensor t = Tensor.zeros(like.dtype(), rows, 3);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, TARGET.get(i % 3));
        }
        return t;
    }

    /** (1/N) Σ d (log d − log p), in float64 from the reference log-probabilities. */
    private static Tensor kl(Tensor logP) {
        Tensor d = target(logP);
        return d.mul(d.log().sub(logP)).sum().mul(1.0 / logP.shape().dim(0));
    }

    private static Tensor crossEntropy(Tensor logP, double scale) {
        return target(logP).mul(logP).sum().mul(-scale / logP.shape().dim(0));
    }

    private static Tensor crossEntropyGradient(Tensor z) {
        Tensor logits = z.detach().requiresGrad(true);
        Tensor loss = new CrossEntropy().compute(logits, target(z));
        return Backprop.gradients(loss, Tensor.scalar(1, z.dtype()), List.of(logits), false)[0];
    }
}
