package org.descent.optim;

import java.util.Map;
import java.util.Random;
import org.descent.nn.Linear;
import org.descent.nn.Parameter;
import org.descent.nn.Sequential;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** networks.json case xor_gd5: five full-batch gradient descent steps on a 2-2-1 sigmoid network, against PyTorch. */
class XorFixtureTest {

    @Test
    void fiveGradientDescentStepsMatchPyTorch() {
        Fixture f = Fixture.load("networks.json", "xor_gd5");
        Sequential net = new Sequential(new Linear(2, 2, new Random(0)), Elementwise.sigmoid(),
                new Linear(2, 1, new Random(0)), Elementwise.sigmoid());
        Map<String, Parameter> parameters = net.namedParameters();
        for (String name : new String[] {"0.weight", "0.bias", "2.weight", "2.bias"}) {
            parameters.get("layers." + name).set(f.tensor(name, DType.FLOAT64), name);
        }
        Tensor x = f.tensor("x", DType.FLOAT64);
        Tensor d = f.tensor("d", DType.FLOAT64);
        GradientDescent gd = new GradientDescent(net.parameters(), f.scalar("lr"));
        double[] losses = new double[5];
        for (int k = 0; k < losses.length; k++) {
            gd.zeroGrad();
            Tensor loss = Elementwise.l2Loss(net.forward(x), d);
            loss.backward();
            losses[k] = loss.item();
            gd.step();
        }
        f.assertClose("losses", losses, 1e-10);
        for (String name : new String[] {"0.weight", "0.bias", "2.weight", "2.bias"}) {
            f.assertClose("final." + name, parameters.get("layers." + name).value().toDoubleArray(), 1e-10);
        }
    }
}
