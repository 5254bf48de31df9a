package org.descent.optim;

import java.util.Map;
import java.util.Random;
import org.descent.Fixtures;
import org.descent.loss.L2Loss;
import org.descent.nn.Linear;
import org.descent.nn.Parameter;
import org.descent.nn.Sequential;
import org.descent.nn.Sigmoid;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** networks.json case xor_gd5: five full-batch gradient descent steps on a 2-2-1 sigmoid network, against PyTorch. */
class XorFixtureTest {

    @Test
    void fiveGradientDescentStepsMatchPyTorch() {
        Fixtures.Case f = Fixtures.load("networks.json", "xor_gd5");
        Sequential net = new Sequential(new Linear(2, 2, new Random(0)), new Sigmoid(),
                new Linear(2, 1, new Random(0)), new Sigmoid());
        Map<String, Parameter> parameters = net.namedParameters();
        for (String name : new String[] {"0.weight", "0.bias", "2.weight", "2.bias"}) {
            parameters.get("layers." + name).set(f.tensor(name), name);
        }
        Tensor x = f.tensor("x");
        Tensor d = f.tensor("d");
        GradientDescent gd = new GradientDescent(net.parameters(), f.scalar("lr"));
        Tensor losses = Tensor.zeros(DType.FLOAT64, 5);
        for (int k = 0; k < losses.size(); k++) {
            gd.zeroGrad();
            Tensor loss = new L2Loss().compute(net.forward(x), d);
            loss.backward();
            losses.set(k, loss.item());
            gd.step();
        }
        Fixtures.assertClose(f.tensor("losses"), losses, "losses");
        for (String name : new String[] {"0.weight", "0.bias", "2.weight", "2.bias"}) {
            Fixtures.assertClose(f.tensor("final." + name), parameters.get("layers." + name).value(), "final." + name);
        }
    }
}
