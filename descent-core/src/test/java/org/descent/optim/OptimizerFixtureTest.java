package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import org.descent.nn.Parameter;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Five steps of each optimizer against torch.optim on the same problem (optimizers.json). */
class OptimizerFixtureTest {

    @ParameterizedTest
    @CsvSource({"sgd, 1e-10", "sgd_momentum, 1e-10", "sgd_nesterov, 1e-10", "sgd_weight_decay, 1e-10",
            "sgd_step_decay, 1e-10", "sgd_momentum_exponential, 1e-10", "sgd_momentum_f32, 1e-5"})
    void gradientDescentMatchesTorchSgd(String name, double tolerance) {
        Fixture f = Fixture.load("optimizers.json", name);
        run(f, tolerance, parameters -> new GradientDescent(parameters, sgdConfig(f)));
    }

    @ParameterizedTest
    @CsvSource({"adam, 1e-10", "adam_weight_decay, 1e-10", "adam_f32, 1e-5"})
    void adamMatchesTorchAdam(String name, double tolerance) {
        Fixture f = Fixture.load("optimizers.json", name);
        AdamConfig config = AdamConfig.of(f.scalar("lr")).withBetas(f.scalar("beta1"), f.scalar("beta2"))
                .withEpsilon(f.scalar("eps")).withWeightDecay(f.scalar("weight_decay"));
        run(f, tolerance, parameters -> new Adam(parameters, config));
    }

    private static GradientDescentConfig sgdConfig(Fixture f) {
        double lr = f.scalar("lr");
        StepSize schedule = StepSize.constant(lr);
        if (f.name().contains("step_decay")) {
            schedule = StepSize.stepDecay(lr, f.scalar("gamma"), (int) f.scalar("every"));
        } else if (f.name().contains("exponential")) {
            schedule = StepSize.exponential(lr, f.scalar("gamma"));
        }
        GradientDescentConfig config = GradientDescentConfig.of(schedule).withWeightDecay(f.scalar("weight_decay"));
        double momentum = f.scalar("momentum");
        if (f.flag("nesterov")) {
            return config.withNesterov(momentum);
        }
        return momentum > 0 ? config.withMomentum(momentum) : config;
    }

    private static void run(Fixture f, double tolerance, Function<List<Parameter>, Optimizer> make) {
        DType dtype = f.name().endsWith("_f32") ? DType.FLOAT32 : DType.FLOAT64;
        Tensor x = f.tensor("x", dtype);
        Tensor d = f.tensor("d", dtype);
        Parameter weight = new Parameter(f.tensor("weight", dtype));
        Parameter bias = new Parameter(f.tensor("bias", dtype));
        Optimizer optimizer = make.apply(List.of(weight, bias));
        int steps = (int) f.scalar("steps");
        double[] losses = new double[steps];
        double[] rates = new double[steps];
        for (int k = 0; k < steps; k++) {
            optimizer.zeroGrad();
            Tensor y = x.matmul(weight.value(), false, true).add(bias.value());
            Tensor loss = y.sub(d).square().sum(1, false).mul(0.5).mean();
            loss.backward();
            losses[k] = loss.item();
            rates[k] = optimizer.learningRate();
            optimizer.step();
        }
        assertEquals(steps, optimizer.stepCount());
        f.assertClose("rates", rates, 1e-12);
        f.assertClose("losses", losses, tolerance);
        f.assertClose("final.weight", weight.value().toDoubleArray(), tolerance);
        f.assertClose("final.bias", bias.value().toDoubleArray(), tolerance);
    }
}
