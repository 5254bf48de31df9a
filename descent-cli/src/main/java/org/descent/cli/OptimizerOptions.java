package org.descent.cli;

import java.util.List;
import java.util.Locale;
import org.descent.DescentException;
import org.descent.nn.Parameter;
import org.descent.optim.Adam;
import org.descent.optim.AdamConfig;
import org.descent.optim.GradientDescent;
import org.descent.optim.GradientDescentConfig;
import org.descent.optim.Optimizer;
import org.descent.optim.StepSize;
import picocli.CommandLine.Option;

/** The optimizer and its step-size schedule, from the command line. */
final class OptimizerOptions {
    @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "NAME",
            description = "sgd, momentum, nesterov or adam (default ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--lr", paramLabel = "η",
            description = "Learning rate η (default 0.001 for adam, 0.1 otherwise).")
    Double learningRate;

    @Option(names = "--momentum", defaultValue = "0.9", paramLabel = "μ",
            description = "Momentum μ for momentum and nesterov (default ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--schedule", defaultValue = "constant", paramLabel = "NAME",
            description = "Step sizes η_k: constant, step (×γ every --decay-every epochs), inverse "
                    + "(η/(1+γ·epoch)) or exponential (η·γ^epoch). Default ${DEFAULT-VALUE}.")
    String schedule;

    @Option(names = "--gamma", defaultValue = "0.5", paramLabel = "γ", description = "Decay factor of the schedule (default ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--decay-every", defaultValue = "3", paramLabel = "EPOCHS",
            description = "Epochs between decays of the step schedule (default ${DEFAULT-VALUE}).")
    int decayEvery;

    Optimizer create(List<Parameter> parameters, int stepsPerEpoch) {
        String kind = name.toLowerCase(Locale.ROOT);
        double lr = learningRate != null ? learningRate : kind.equals("adam") ? 0.001 : 0.1;
        StepSize steps = stepSize(lr, stepsPerEpoch);
        return switch (kind) {
            case "sgd" -> new GradientDescent(parameters, GradientDescentConfig.of(steps));
            case "momentum" -> new GradientDescent(parameters, GradientDescentConfig.of(steps).withMomentum(momentum));
            case "nesterov" -> new GradientDescent(parameters, GradientDescentConfig.of(steps).withNesterov(momentum));
            case "adam" -> new Adam(parameters, AdamConfig.of(steps));
            default -> throw new DescentException("--optimizer " + name + ": unknown; use sgd, momentum, nesterov or adam");
        };
    }

    /** Schedules are stated per epoch on the command line and applied per step. */
    private StepSize stepSize(double lr, int stepsPerEpoch) {
        if (decayEvery < 1) {
            throw new DescentException("--decay-every must be at least 1 epoch, got " + decayEvery);
        }
        return switch (schedule.toLowerCase(Locale.ROOT)) {
            case "constant" -> StepSize.constant(lr);
            case "step" -> StepSize.stepDecay(lr, gamma, decayEvery * stepsPerEpoch);
            case "inverse" -> StepSize.inverseTime(lr, gamma / stepsPerEpoch);
            case "exponential" -> StepSize.exponential(lr, Math.pow(gamma, 1.0 / stepsPerEpoch));
            default -> throw new DescentException("--schedule " + schedule
                    + ": unknown; use constant, step, inverse or exponential");
        };
    }
}
