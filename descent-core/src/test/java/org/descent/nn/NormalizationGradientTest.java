package org.descent.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.descent.Fixtures;
import org.descent.autograd.Backprop;
import org.descent.autograd.GradCheck;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * BatchNorm1d, LayerNorm, Dropout and the bias-free Linear against float64 central differences
 * (first derivatives w.r.t. input and parameters; second derivatives of LayerNorm and of
 * BatchNorm in training), and their float32 paths within 1e-5 relative of float64.
 */
class NormalizationGradientTest {
    private static final double TOLERANCE = 1e-6;

    private static Tensor input(int n, int c, long seed) {
        return Tensor.randn(new Random(seed), DType.FLOAT64, n, c).mul(2.0).add(0.5);
    }

    /** Random γ and β, so that the parameter gradients are not those of the identity. */
    private static <M extends Module> M randomized(M module, long seed) {
        Random random = new Random(seed);
        module.to(DType.FLOAT64);
        module.namedParameters().forEach((name, p) -> p.set(Tensor.uniform(random, 0.5, 1.5, DType.FLOAT64,
                p.shape().dims()), name));
        return module;
    }

    @Test
    void batchNormInTrainingAgreesWithFiniteDifferences() {
        BatchNorm1d bn = randomized(new BatchNorm1d(4), 1);
        assertTrue(GradCheck.maxError(x -> bn.forward(x[0]), input(5, 4, 2)) < TOLERANCE, "dx");
        assertTrue(ParameterGradCheck.maxError(bn, input(5, 4, 3)) < TOLERANCE, "dγ, dβ");
    }

    @Test
    void batchNormInEvaluationAgreesWithFiniteDifferences() {
        BatchNorm1d bn = randomized(new BatchNorm1d(3, 1e-3, 0.5), 4);
        bn.forward(input(6, 3, 5));
        bn.forward(input(6, 3, 6));
        bn.eval();
        assertTrue(GradCheck.maxError(x -> bn.forward(x[0]), input(4, 3, 7)) < TOLERANCE, "dx");
        assertTrue(ParameterGradCheck.maxError(bn, input(4, 3, 8)) < TOLERANCE, "dγ, dβ");
    }

    @Test
    void layerNormAgreesWithFiniteDifferences() {
        LayerNorm ln = randomized(new LayerNorm(5), 9);
        assertTrue(GradCheck.maxError(x -> ln.forward(x[0]), input(3, 5, 10)) < TOLERANCE, "dx");
        assertTrue(ParameterGradCheck.maxError(ln, input(3, 5, 11)) < TOLERANCE, "dγ, dβ");
    }

    @Test
    void secondDerivativesAgreeWithFiniteDifferencesOfTheGradient() {
        LayerNorm ln = randomized(new LayerNorm(4, 0.1), 12);
        BatchNorm1d bn = randomized(new BatchNorm1d(3, 0.1, 0.1), 13);
        Tensor upstream = input(3, 4, 14);
        assertTrue(GradCheck.maxError(x -> Backprop.gradients(ln.forward(x[0]), upstream, List.of(x[0]), true)[0],
                input(3, 4, 15)) < 1e-5, "LayerNorm d²");
        Tensor upstreamBn = input(4, 3, 16);
        assertTrue(GradCheck.maxError(x -> Backprop.gradients(bn.forward(x[0]), upstreamBn, List.of(x[0]), true)[0],
                input(4, 3, 17)) < 1e-5, "BatchNorm1d d²");
    }

    @Test
    void dropoutAndTheBiasFreeLinearAgreeWithFiniteDifferences() {
        // A new layer of the same seed per evaluation: the same mask each time.
        assertTrue(GradCheck.maxError(x -> new Dropout(0.4, 21).to(DType.FLOAT64).forward(x[0]), input(4, 6, 18))
                < TOLERANCE, "dropout dx");
        Linear linear = new Linear(4, 3, false, new Random(19));
        assertTrue(GradCheck.maxError(x -> linear.to(DType.FLOAT64).forward(x[0]), input(2, 4, 20)) < TOLERANCE);
        assertTrue(ParameterGradCheck.maxError(linear, input(2, 4, 22)) < TOLERANCE, "dW");
    }

    @Test
    void batchNormFusedWithTheFollowingReluEqualsTheTwoLayersApart() {
        for (boolean eval : new boolean[] {false, true}) {
            BatchNorm1d fused = randomized(new BatchNorm1d(4), 50);
            BatchNorm1d apart = randomized(new BatchNorm1d(4), 50);
            Sequential net = new Sequential(fused, new Relu());
            if (eval) {
                net.forward(input(6, 4, 51));
                apart.forward(input(6, 4, 51));
                net.eval();
                apart.eval();
            }
            Tensor x = input(6, 4, 52).requiresGrad(true);
            Tensor upstream = input(6, 4, 53);
            Tensor y = net.forward(x);
            Tensor reference = apart.forward(x).relu();
            Fixtures.assertClose(reference, y, "eval " + eval + " y");
            Tensor[] g = Backprop.gradients(y, upstream, List.of(x, fused.weight().value(), fused.bias().value()), false);
            Tensor[] r = Backprop.gradients(reference, upstream, List.of(x, apart.weight().value(), apart.bias().value()),
                    false);
            for (int i = 0; i < 3; i++) {
                Fixtures.assertClose(r[i], g[i], "eval " + eval + " gradient " + i);
            }
            assertTrue(GradCheck.maxError(in -> net.forward(in[0]), input(5, 4, 54)) < TOLERANCE, "eval " + eval + " dx");
            assertTrue(ParameterGradCheck.maxError(net, input(5, 4, 55)) < TOLERANCE, "eval " + eval + " dγ, dβ");
        }
        Sequential net = new Sequential(randomized(new BatchNorm1d(3, 0.1, 0.1), 56), new Relu());
        Tensor upstream = input(4, 3, 57);
        assertTrue(GradCheck.maxError(x -> Backprop.gradients(net.forward(x[0]), upstream, List.of(x[0]), true)[0],
                input(4, 3, 58)) < 1e-5, "fused d²");
    }

    @Test
    void float32IsWithin1e5OfFloat64() {
        compare(() -> randomized(new BatchNorm1d(6), 30), false);
        compare(() -> randomized(new BatchNorm1d(6), 30), true);
        compare(() -> randomized(new LayerNorm(6), 31), false);
        compare(() -> new Dropout(0.3, 5), false);
        compare(() -> new Sequential(randomized(new BatchNorm1d(6), 32), new Relu()), false);
        compare(() -> new Sequential(randomized(new BatchNorm1d(6), 32), new Relu()), true);
    }

    /** The same layer in float64 and float32 (two training steps, then eval if asked): outputs and gradients. */
    private static void compare(Supplier<Module> make, boolean eval) {
        Module wide = make.get().to(DType.FLOAT64);
        Module narrow = make.get().to(DType.FLOAT32);
        Tensor upstream = input(8, 6, 33);
        for (int step = 0; step < 3; step++) {
            if (step == 2 && eval) {
                wide.eval();
                narrow.eval();
            }
            Tensor x64 = input(8, 6, 40 + step).copy(DType.FLOAT32).copy(DType.FLOAT64).requiresGrad(true);
            Tensor x32 = x64.copy(DType.FLOAT32).requiresGrad(true);
            Tensor y64 = wide.forward(x64);
            Tensor y32 = narrow.forward(x32);
            Fixtures.assertClose(y64, y32, wide + " y, step " + step);
            Tensor[] g64 = Backprop.gradients(y64, upstream, gradientTargets(wide, x64), false);
            Tensor[] g32 = Backprop.gradients(y32, upstream.copy(DType.FLOAT32), gradientTargets(narrow, x32), false);
            for (int i = 0; i < g64.length; i++) {
                Fixtures.assertClose(g64[i], g32[i], wide + " gradient " + i + ", step " + step);
            }
        }
        wide.state().forEach((name, t) -> Fixtures.assertClose(t, narrow.state().get(name), wide + " " + name));
    }

    private static List<Tensor> gradientTargets(Module module, Tensor x) {
        List<Tensor> targets = new java.util.ArrayList<>(List.of(x));
        module.parameters().forEach(p -> targets.add(p.value()));
        return targets;
    }
}
