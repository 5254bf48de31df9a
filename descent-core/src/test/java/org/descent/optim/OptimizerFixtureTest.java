package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import org.descent.Fixtures;
import org.descent.loss.L2Loss;
import org.descent.nn.Parameter;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Five steps of each optimizer against torch.optim on the same problem (optimizers.json). */
class OptimizerFixtureTest {

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "sgd_momentum", "sgd_nesterov", "sgd_weight_decay", "sgd_step_decay",
            "sgd_momentum_exponential", "sgd_momentum_f32"})
    void gradientDescentMatchesTorchSgd(String name) {
        Fixtures.Case f = Fixtures.load("optimizers.json", name);
        run(f, parameters -> new GradientDescent(parameters, sgdConfig(f)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "adam_weight_decay", "adam_f32"})
    void adamMatchesTorchAdam(String name) {
        Fixtures.Case f = Fixtures.load("optimizers.json", name);
        AdamConfig config = AdamConfig.of(f.scalar("lr")).withBetas(f.scalar("beta1"), f.scalar("beta2"))
                .withEpsilon(f.scalar("eps")).withWeightDecay(f.scalar("weight_decay"));
        run(f, parameters -> new Adam(parameters, config));
    }

    private static GradientDescentConfig sgdConfig(Fixtures.Case f) {
        double lr = f.scalar("lr");
        StepSize schedule = StepSize.constant(lr);
        if (f.name().contains("step_decay")) {
            schedule = StepSize.stepDecay(lr, f.scalar("gamma"), (int) f.scalar("every"));
        } else if (f.name().contains("exponential")) {
            schedule = StepSize.exponential(lr, f.scalar("gamma"));
        }
        GradientDescentConfig config = GradientDescentConfig.of(schedule).withWeightDecay(f.scalar("weight_decay"));
        double momentum = f.scalar("momentum");
        if (f.node().get("nesterov").asBoolean()) {
            return config.withNesterov(momentum);
        }
        return momentum > 0 ? config.withMomentum(momentum) : config;
    }

    /** The fixture's toy problem stepped by {@code make}'s optimizer: each step's loss and rate, the final parameters. */
    static void run(Fixtures.Case f, Function<List<Parameter>, Optimizer> make) {
        Tensor x = f.tensor("x");
        Tensor d = f.tensor("d");
        Parameter weight = new Parameter(f.tensor("weight"));
        Parameter bias = new Parameter(f.tensor("bias"));
        Optimizer optimizer = make.apply(List.of(weight, bias));
        int steps = (int) f.scalar("steps");
        Tensor losses = Tensor.zeros(DType.FLOAT64, steps);
        Tensor rates = Tensor.zeros(DType.FLOAT64, steps);
        for (int k = 0; k < steps; k++) {
            optimizer.zeroGrad();
            Tensor loss = new L2Loss().compute(x.matmul(weight.value(), false, true).add(bias.value()), d);
            loss.backward();
            losses.set(k, loss.item());
            rates.set(k, optimizer.learningRate());
            optimizer.step();
        }
        assertEquals(steps, optimizer.stepCount());
        Fixtures.assertClose(f.tensor("rates"), rates.copy(f.dtype()), f.name() + " rates");
        Fixtures.assertClose(f.tensor("losses"), losses.copy(f.dtype()), f.name() + " losses");
        Fixtures.assertClose(f.tensor("final.weight"), weight.value(), f.name() + " final.weight");
        Fixtures.assertClose(f.tensor("final.bias"), bias.value(), f.name() + " final.bias");
    }
}
