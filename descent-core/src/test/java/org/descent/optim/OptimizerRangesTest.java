package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.descent.nn.Parameter;
import org.descent.tensor.DType;
import org.descent.tensor.Parallelism;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optimizers update a parameter in ranges that the kernel threads share: a parameter of
 * several ranges must update every element exactly as a small one of a single range does, with
 * any number of threads.
 */
class OptimizerRangesTest {
    private static final int PERIOD = 7;
    private static final int LARGE = 600_001;   // 19 ranges, enough elements for the kernel threads

    @AfterEach
    void oneThreadAgain() {
        Parallelism.setThreads(1);
    }

    static Stream<Arguments> optimizers() {
        Function<List<Parameter>, Optimizer> sgd = p -> new GradientDescent(p, 0.1);
        Function<List<Parameter>, Optimizer> nesterov = p -> new GradientDescent(p,
                GradientDescentConfig.of(0.1).withNesterov(0.9).withWeightDecay(0.01));
        Function<List<Parameter>, Optimizer> adam = p -> new Adam(p, AdamConfig.of(0.01).withWeightDecay(0.001));
        Function<List<Parameter>, Optimizer> adamW = p -> new AdamW(p, AdamW.defaults(StepSize.constant(0.01)));
        Function<List<Parameter>, Optimizer> rmsProp = p -> new RmsProp(p,
                RmsPropConfig.of(0.01).withMomentum(0.5).withCentered().withWeightDecay(0.01));
        Function<List<Parameter>, Optimizer> adaGrad = p -> new AdaGrad(p, AdaGradConfig.of(0.1).withWeightDecay(0.01));
        return Stream.of(sgd, nesterov, adam, adamW, rmsProp, adaGrad).flatMap(make -> Stream.of(
                Arguments.of(make, DType.FLOAT32), Arguments.of(make, DType.FLOAT64)));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void aParameterOfManyRangesUpdatesEveryElementAsASmallOneWithAnyThreadCount(
            Function<List<Parameter>, Optimizer> make, DType dtype) {
        Tensor small = train(make, dtype, PERIOD, 1);
        for (int threads = 1; threads <= 2; threads++) {
            Tensor large = train(make, dtype, LARGE, threads);
            double[] expected = new double[LARGE];
            for (int j = 0; j < LARGE; j++) {
                expected[j] = small.get(j % PERIOD);
            }
            assertArrayEquals(expected, large.toDoubleArray(), "element j must equal element j mod " + PERIOD
                    + " of the small parameter, with " + threads + " threads");
        }
    }

    /** Three steps on a parameter of {@code size} elements whose values and gradients repeat every {@link #PERIOD}. */
    private static Tensor train(Function<List<Parameter>, Optimizer> make, DType dtype, int size, int threads) {
        Parallelism.setThreads(threads);
        double[] values = new double[size];
        for (int j = 0; j < size; j++) {
            values[j] = 0.25 * (j % PERIOD) - 0.6;
        }
        Parameter parameter = new Parameter(Tensor.of(values, size).copy(dtype));
        Optimizer optimizer = make.apply(List.of(parameter));
        for (int step = 0; step < 3; step++) {
            double[] gradient = new double[size];
            for (int j = 0; j < size; j++) {
                gradient[j] = Math.sin(1 + (j % PERIOD) + 3 * step);
            }
            optimizer.zeroGrad();
            parameter.value().accumulateGrad(Tensor.of(gradient, size).copy(dtype));
            optimizer.step();
        }
        return parameter.value();
    }
}
