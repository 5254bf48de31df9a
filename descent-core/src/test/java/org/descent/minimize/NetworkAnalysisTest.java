package org.descent.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.descent.DescentException;
import org.descent.loss.L2Loss;
import org.descent.minimize.CriticalPoint.Kind;
import org.descent.nn.Linear;
import org.descent.nn.Parameter;
import org.descent.nn.Sequential;
import org.descent.nn.Tanh;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The {@code tiny_net} fixture: Linear(2, 3) → tanh → Linear(3, 1), L2 loss on 4 samples, 13 parameters. */
class NetworkAnalysisTest {
    private final double[] point = HessianFixtures.vector("tiny_net", "point");
    private final Tensor x = Tensor.of(HessianFixtures.vector("tiny_net", "x"), 4, 2);
    private final Tensor d = Tensor.of(HessianFixtures.vector("tiny_net", "d"), 4, 1);
    private final Tensor w1 = parameter(0, 3, 2);
    private final Tensor b1 = parameter(6, 3);
    private final Tensor w2 = parameter(9, 1, 3);
    private final Tensor b2 = parameter(12, 1);
    private final List<Tensor> parameters = List.of(w1, b1, w2, b2);

    private Tensor parameter(int offset, int... dims) {
        int size = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        return Tensor.of(Arrays.copyOfRange(point, offset, offset + size), dims).requiresGrad(true);
    }

    /** L = mean over samples of ½‖y − d‖², y = tanh(x W1ᵀ + b1) W2ᵀ + b2. */
    private Tensor loss() {
        Tensor h = x.matmul(w1, false, true).add(b1).tanh();
        return h.matmul(w2, false, true).add(b2).sub(d).square().sum(1, false).mul(0.5).mean();
    }

    @Test
    void denseHessianMatchesPyTorch() {
        Curvature c = Curvature.at(this::loss, parameters);
        assertEquals(13, c.size());
        assertEquals(HessianFixtures.vector("tiny_net", "value")[0], c.value(), 1e-12);
        assertTrue(HessianFixtures.maxError(c.gradient(), HessianFixtures.vector("tiny_net", "gradient")) < 1e-10);
        double error = HessianFixtures.maxError(c.hessian(), HessianFixtures.matrix("tiny_net", "hessian"));
        assertTrue(error < 1e-10, "Hessian error " + error);
    }

    @Test
    void lanczosExtremesMatchTheDenseSpectrum() {
        double[] spectrum = SymmetricEigen.of(HessianFixtures.matrix("tiny_net", "hessian")).eigenvalues();
        CurvatureReport report = NetworkAnalysis.defaults().analyze(this::loss, parameters);
        assertEquals(13, report.parameterCount());
        assertEquals(spectrum[0], report.minEigenvalue(), 1e-9);
        assertEquals(spectrum[12], report.maxEigenvalue(), 1e-9);
        assertTrue(report.lanczosConverged());
        assertEquals(13, report.spectrum().length);
        for (int i = 0; i < 13; i++) {
            assertEquals(spectrum[i], report.spectrum()[i], 1e-10);
        }
        assertEquals(CriticalPoint.classify(spectrum, 1e-8).kind(), report.verdict().kind());
        assertTrue(report.report().contains("parameters:    13"), report.report());
        assertTrue(!report.critical() && report.summary().startsWith("not a critical point"), report.summary());
    }

    @Test
    void moduleParametersInStateDictOrderGiveTheSameHessian() {
        Sequential net = new Sequential(new Linear(2, 3, new Random(0)), new Tanh(), new Linear(3, 1, new Random(0)));
        net.to(DType.FLOAT64);
        int offset = 0;
        for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) {
            int size = e.getValue().shape().size();
            e.getValue().set(Tensor.of(Arrays.copyOfRange(point, offset, offset + size), e.getValue().shape().dims()),
                    e.getKey());
            offset += size;
        }
        CurvatureReport report = NetworkAnalysis.defaults().analyze(net, () -> new L2Loss().compute(net.forward(x), d));
        double[] spectrum = SymmetricEigen.of(HessianFixtures.matrix("tiny_net", "hessian")).eigenvalues();
        assertEquals(13, offset);
        for (int i = 0; i < 13; i++) {
            assertEquals(spectrum[i], report.spectrum()[i], 1e-10);
        }
        assertEquals(HessianFixtures.vector("tiny_net", "value")[0], report.loss(), 1e-12);
    }

    @Test
    void lanczosWithoutTheDenseHessianFindsTheExtremesOfALargeDiagonalQuadratic() {
        // L = ½ Σ λi θi², λ spread over [−3, 5] with 400 parameters: above the dense limit.
        int n = 400;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = -3 + 8.0 * i / (n - 1);
        }
        Tensor weights = Tensor.of(lambda, n);
        Tensor theta = Tensor.zeros(DType.FLOAT64, n).requiresGrad(true);
        Supplier<Tensor> loss = () -> theta.square().mul(weights).sum().mul(0.5);
        CurvatureReport report = new NetworkAnalysis(1e-8, 1e-4, 200, 3).analyze(loss, List.of(theta));
        assertNull(report.spectrum());
        assertEquals(-3, report.minEigenvalue(), 1e-8);
        assertEquals(5, report.maxEigenvalue(), 1e-8);
        assertTrue(report.lanczosSteps() < 200, "steps " + report.lanczosSteps());
        assertEquals(Kind.SADDLE, report.verdict().kind());
        assertEquals("a saddle point", report.summary());
    }

    @Test
    void aMinimumOfAConvexLossIsCalledAMinimum() {
        Tensor theta = Tensor.uniform(new Random(5), -1, 1, DType.FLOAT64, 3);
        Tensor target = theta.copy(DType.FLOAT64);
        Tensor leaf = theta.requiresGrad(true);
        CurvatureReport report = NetworkAnalysis.defaults().analyze(() -> leaf.sub(target).square().sum(), List.of(leaf));
        assertEquals(Kind.MINIMUM, report.verdict().kind());
        assertEquals("a local minimum", report.summary());
        assertEquals(2, report.minEigenvalue(), 1e-12);
    }

    @Test
    void parametersMustBeLeavesThatRequireGradients() {
        Tensor plain = Tensor.zeros(DType.FLOAT64, 2);
        assertThrows(DescentException.class, () -> NetworkAnalysis.defaults().analyze(() -> plain.sum(), List.of(plain)));
        assertThrows(DescentException.class, () -> new NetworkAnalysis(1e-8, 1e-4, 1, 0));
    }
}
