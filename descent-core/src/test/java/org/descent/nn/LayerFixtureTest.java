package org.descent.nn;

import static org.descent.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.descent.Fixtures;
import org.descent.autograd.Backprop;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code layers.json} (tools/fixtures/generate_layer_fixtures.py): BatchNorm1d, LayerNorm and a
 * Linear layer without bias against PyTorch in float64 at 1e-10: outputs, gradients w.r.t. the
 * input and the parameters, running statistics after three steps, evaluation mode, and
 * Hessian-vector products through the second-derivative path.
 */
class LayerFixtureTest {
    private static final String FILE = "layers.json";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"batch_norm", "batch_norm_eps_momentum", "batch_norm_two_samples"})
    void batchNormMatchesPyTorch(String name) {
        Fixtures.Case c = Fixtures.load(FILE, name);
        Tensor gamma = c.tensor("weight");
        BatchNorm1d bn = new BatchNorm1d(gamma.size(), c.scalar("eps"), c.scalar("momentum"));
        bn.to(DType.FLOAT64);
        bn.weight().set(gamma, "weight");
        bn.bias().set(c.tensor("bias"), "bias");
        Tensor y = null;
        Tensor x = null;
        for (int step = 1; step <= 3; step++) {
            x = c.tensor("x" + step).requiresGrad(true);
            y = bn.forward(x);
        }
        assertClose(c.tensor("y3"), y, name + " y");
        Tensor upstream = c.tensor("upstream");
        Tensor[] g = Backprop.gradients(y, upstream, List.of(x, bn.weight().value(), bn.bias().value()), false);
        assertClose(c.tensor("grad.x3"), g[0], name + " dx");
        assertClose(c.tensor("grad.weight"), g[1], name + " dγ");
        assertClose(c.tensor("grad.bias"), g[2], name + " dβ");
        assertClose(c.tensor("running_mean"), bn.runningMean().value(), name + " running mean");
        assertClose(c.tensor("running_var"), bn.runningVar().value(), name + " running var");
        assertEquals(c.scalar("num_batches_tracked"), bn.batchesTracked().value().get(0));
        assertClose(c.tensor("hvp"), hessianVector(y, upstream, x, c.tensor("v")), name + " Hessian-vector");

        bn.eval();
        Tensor xe = c.tensor("x_eval").requiresGrad(true);
        Tensor ye = bn.forward(xe);
        assertClose(c.tensor("y_eval"), ye, name + " eval y");
        Tensor[] ge = Backprop.gradients(ye, upstream, List.of(xe, bn.weight().value(), bn.bias().value()), false);
        assertClose(c.tensor("grad_eval.x"), ge[0], name + " eval dx");
        assertClose(c.tensor("grad_eval.weight"), ge[1], name + " eval dγ");
        assertClose(c.tensor("grad_eval.bias"), ge[2], name + " eval dβ");
        assertClose(c.tensor("running_mean"), bn.runningMean().value(), name + " eval leaves the running mean");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"layer_norm", "layer_norm_eps"})
    void layerNormMatchesPyTorch(String name) {
        Fixtures.Case c = Fixtures.load(FILE, name);
        Tensor gamma = c.tensor("weight");
        LayerNorm ln = new LayerNorm(gamma.size(), c.scalar("eps"));
        ln.to(DType.FLOAT64);
        ln.weight().set(gamma, "weight");
        ln.bias().set(c.tensor("bias"), "bias");
        Tensor x = c.tensor("x").requiresGrad(true);
        Tensor y = ln.forward(x);
        assertClose(c.tensor("y"), y, name + " y");
        Tensor upstream = c.tensor("upstream");
        Tensor[] g = Backprop.gradients(y, upstream, List.of(x, ln.weight().value(), ln.bias().value()), false);
        assertClose(c.tensor("grad.x"), g[0], name + " dx");
        assertClose(c.tensor("grad.weight"), g[1], name + " dγ");
        assertClose(c.tensor("grad.bias"), g[2], name + " dβ");
        assertClose(c.tensor("hvp"), hessianVector(y, upstream, x, c.tensor("v")), name + " Hessian-vector");
        ln.eval();
        assertClose(c.tensor("y"), ln.forward(x), name + " the same in eval()");
    }

    @Test
    void linearWithoutBiasMatchesPyTorch() {
        Fixtures.Case c = Fixtures.load(FILE, "linear_no_bias");
        Linear linear = new Linear(3, 2, false, new Random(1));
        linear.to(DType.FLOAT64);
        linear.weight().set(c.tensor("weight"), "weight");
        assertEquals(List.of("weight"), List.copyOf(linear.state().keySet()));
        Tensor x = c.tensor("x").requiresGrad(true);
        Tensor y = linear.forward(x);
        assertClose(c.tensor("y"), y, "y");
        Tensor[] g = Backprop.gradients(y, c.tensor("upstream"), List.of(x, linear.weight().value()), false);
        assertClose(c.tensor("grad.x"), g[0], "dx");
        assertClose(c.tensor("grad.weight"), g[1], "dW");
        Sequential net = new Sequential(new Linear(3, 2, false, new Random(1)), new Relu());
        net.to(DType.FLOAT64);
        ((Linear) net.layers().get(0)).weight().set(c.tensor("weight"), "weight");
        assertClose(c.tensor("y").relu(), net.forward(c.tensor("x")), "in a Sequential, before ReLU");
    }

    /** d/dx Σ (dL/dx · v) for L = Σ y · upstream, through the recorded backward pass. */
    private static Tensor hessianVector(Tensor y, Tensor upstream, Tensor x, Tensor v) {
        Tensor dx = Backprop.gradients(y, upstream, List.of(x), true)[0];
        return Backprop.gradients(dx.mul(v).sum(), Tensor.scalar(1.0, DType.FLOAT64), List.of(x), false)[0];
    }
}
