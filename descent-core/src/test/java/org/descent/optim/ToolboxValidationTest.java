package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.descent.DescentException;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad hyperparameters of the toolbox's optimizers, schedules and clipping: one clear line each. */
class ToolboxValidationTest {

    static Stream<Arguments> cases() {
        StepSize one = StepSize.constant(0.1);
        return Stream.of(
            Arguments.of((Executable) () -> AdamW.defaults(one).withWeightDecay(-0.01),
                    "weight decay must be non-negative and finite, got -0.01"),
            Arguments.of((Executable) () -> RmsPropConfig.of(0.01).withAlpha(1.0), "RMSprop alpha must be in [0, 1), got 1.0"),
            Arguments.of((Executable) () -> RmsPropConfig.of(0.01).withMomentum(-0.5), "momentum must be in [0, 1), got -0.5"),
            Arguments.of((Executable) () -> AdaGradConfig.of(0.01).withEpsilon(0), "epsilon must be positive, got 0.0"),
            Arguments.of((Executable) () -> AdaGradConfig.of(-1), "learning rate must be positive, got -1.0"),
            Arguments.of((Executable) () -> StepSize.cosine(0.1, 0.2, 10),
                    "cosine annealing: the minimum step size must be in [0, 0.1] (the learning rate), got 0.2"),
            Arguments.of((Executable) () -> StepSize.cosine(0.1, 0, 0),
                    "cosine annealing needs at least 1 step to anneal over, got 0"),
            Arguments.of((Executable) () -> StepSize.warmup(0, 0.5, one), "warm-up needs at least 1 step, got 0"),
            Arguments.of((Executable) () -> StepSize.warmup(3, 0, one), "warm-up start factor must be in (0, 1], got 0.0"),
            Arguments.of((Executable) () -> new ReduceOnPlateau(one, 1.0, 1, 0, 0, 1e-4),
                    "reduce-on-plateau factor must be in (0, 1), got 1.0"),
            Arguments.of((Executable) () -> new ReduceOnPlateau(one, 0.1, -1, 0, 0, 1e-4),
                    "reduce-on-plateau patience and cooldown must be >= 0 epochs, got -1 and 0"),
            Arguments.of((Executable) () -> GradientClipping.byNorm(0),
                    "gradient clipping norm must be positive and finite, got 0.0"),
            Arguments.of((Executable) () -> GradientClipping.byValue(Double.NaN),
                    "gradient clipping value must be positive and finite, got NaN"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void isRefusedWithOneClearLine(Executable make, String message) {
        assertEquals(message, assertThrows(DescentException.class, make).getMessage());
    }
}
