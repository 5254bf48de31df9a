package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.descent.Fixtures;
import org.descent.nn.Parameter;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AdamW, RMSprop, AdaGrad, the cosine / warm-up / reduce-on-plateau schedules and gradient
 * clipping against torch.optim, torch.optim.lr_scheduler and torch.nn.utils (toolbox_optimizers.json).
 */
class ToolboxOptimizerFixtureTest {
    private static final String FILE = "toolbox_optimizers.json";

    @ParameterizedTest
    @ValueSource(strings = {"adamw", "adamw_strong", "adamw_f32"})
    void adamWMatchesTorch(String name) {
        Fixtures.Case f = Fixtures.load(FILE, name);
        OptimizerFixtureTest.run(f, p -> new AdamW(p, adam(f, StepSize.constant(f.scalar("lr")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rmsprop", "rmsprop_momentum", "rmsprop_centered", "rmsprop_centered_f32"})
    void rmsPropMatchesTorch(String name) {
        Fixtures.Case f = Fixtures.load(FILE, name);
        RmsPropConfig config = RmsPropConfig.of(f.scalar("lr")).withAlpha(f.scalar("alpha"))
                .withEpsilon(f.scalar("eps")).withWeightDecay(f.scalar("weight_decay"))
                .withMomentum(f.scalar("momentum"));
        RmsPropConfig chosen = f.node().get("centered").asBoolean() ? config.withCentered() : config;
        OptimizerFixtureTest.run(f, p -> new RmsProp(p, chosen));
    }

    @ParameterizedTest
    @ValueSource(strings = {"adagrad", "adagrad_weight_decay", "adagrad_f32"})
    void adaGradMatchesTorch(String name) {
        Fixtures.Case f = Fixtures.load(FILE, name);
        AdaGradConfig config = AdaGradConfig.of(f.scalar("lr")).withEpsilon(f.scalar("eps"))
                .withWeightDecay(f.scalar("weight_decay"));
        OptimizerFixtureTest.run(f, p -> new AdaGrad(p, config));
    }

    @Test
    void cosineAnnealingMatchesCosineAnnealingLR() {
        Fixtures.Case f = Fixtures.load(FILE, "sgd_cosine");
        StepSize cosine = StepSize.cosine(f.scalar("lr"), f.scalar("eta_min"), (int) f.scalar("t_max"));
        OptimizerFixtureTest.run(f, p -> new GradientDescent(p, GradientDescentConfig.of(cosine)));
    }

    @Test
    void warmupThenCosineMatchesSequentialLR() {
        Fixtures.Case f = Fixtures.load(FILE, "adamw_warmup_cosine");
        StepSize schedule = StepSize.warmup((int) f.scalar("warmup"), f.scalar("start_factor"),
                StepSize.cosine(f.scalar("lr"), f.scalar("eta_min"), (int) f.scalar("t_max")));
        OptimizerFixtureTest.run(f, p -> new AdamW(p, AdamW.defaults(schedule).withWeightDecay(f.scalar("weight_decay"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plateau", "plateau_cooldown_min"})
    void reduceOnPlateauMatchesReduceLROnPlateau(String name) {
        Fixtures.Case f = Fixtures.load(FILE, name);
        ReduceOnPlateau schedule = new ReduceOnPlateau(StepSize.constant(f.scalar("lr")), f.scalar("factor"),
                (int) f.scalar("patience"), (int) f.scalar("cooldown"), f.scalar("min_lr"), f.scalar("threshold"));
        Tensor metrics = f.tensor("metrics");
        Tensor rates = Tensor.zeros(DType.FLOAT64, metrics.size());
        for (int epoch = 0; epoch < metrics.size(); epoch++) {
            schedule.observe(metrics.get(epoch), 10 * (epoch + 1));
            rates.set(epoch, schedule.at(10 * (epoch + 1)));
        }
        Fixtures.assertClose(f.tensor("rates"), rates, name + " rates");
    }

    @ParameterizedTest
    @ValueSource(strings = {"clip_norm_1", "clip_norm_100", "clip_value_2"})
    void clippingMatchesTorchUtils(String name) {
        Fixtures.Case f = Fixtures.load(FILE, name);
        List<Parameter> parameters = List.of(withGradient(f.tensor("grad.0")), withGradient(f.tensor("grad.1")));
        GradientClipping clipping = f.has("max_norm") ? GradientClipping.byNorm(f.scalar("max_norm"))
                : GradientClipping.byValue(f.scalar("clip_value"));
        double norm = clipping.apply(parameters);
        if (f.has("norm")) {
            assertEquals(f.tensor("norm").item(), norm, 1e-12 * norm);
        }
        Fixtures.assertClose(f.tensor("clipped.0"), parameters.get(0).grad(), name + " clipped.0");
        Fixtures.assertClose(f.tensor("clipped.1"), parameters.get(1).grad(), name + " clipped.1");
    }

    private static Parameter withGradient(Tensor gradient) {
        Parameter p = new Parameter(Tensor.zeros(gradient.dtype(), gradient.shape().dims()));
        p.value().accumulateGrad(gradient.copy(gradient.dtype()));
        return p;
    }

    private static AdamConfig adam(Fixtures.Case f, StepSize steps) {
        return AdamConfig.of(steps).withBetas(f.scalar("beta1"), f.scalar("beta2")).withEpsilon(f.scalar("eps"))
                .withWeightDecay(f.scalar("weight_decay"));
    }
}
