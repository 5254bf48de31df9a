package org.descent.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "Step sizes η_k: constant, step (×γ every --decay-every epochs), inverse "
                    + "(η/(1+γ·epoch)) or exponential (η·γ^epoch). Default: exponential for 28×28 images, else constant.")
    String schedule;

    @Option(names = "--gamma", paramLabel = "γ",
            description = "Decay factor of the schedule (default 0.75 for exponential, else 0.5).")
    Double gamma;

    @Option(names = "--decay-every", defaultValue = "3", paramLabel = "EPOCHS",
            description = "Epochs between decays of the step schedule (default ${DEFAULT-VALUE}).")
    int decayEvery;

    /** @param images whether the data are 28×28 images, whose default schedule decays */
    Optimizer create(List<Parameter> parameters, int stepsPerEpoch, boolean images) {
        String kind = name.toLowerCase(Locale.ROOT);
        double lr = learningRate != null ? learningRate : kind.equals("adam") ? 0.001 : 0.1;
        StepSize steps = stepSize(lr, stepsPerEpoch, schedule != null ? schedule : images ? "exponential" : "constant");
        return switch (kind) {
            case "sgd" -> new GradientDescent(parameters, GradientDescentConfig.of(steps));
            case "momentum" -> new GradientDescent(parameters, GradientDescentConfig.of(steps).withMomentum(momentum));
            case "nesterov" -> new GradientDescent(parameters, GradientDescentConfig.of(steps).withNesterov(momentum));
            case "adam" -> new Adam(parameters, AdamConfig.of(steps));
            default -> throw new DescentException("--optimizer " + name + ": unknown; use sgd, momentum, nesterov or adam");
        };
    }

    /**
     * The options that decide the result, resolved (defaults filled in) and named as on the
     * command line, for the checkpoint's {@link org.descent.train.RunSettings}.
     */
    Map<String, String> settings(boolean images) {
        String kind = name.toLowerCase(Locale.ROOT);
        String scheduleName = (schedule != null ? schedule : images ? "exponential" : "constant").toLowerCase(Locale.ROOT);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("--optimizer", kind);
        settings.put("--lr", String.valueOf(learningRate != null ? learningRate : kind.equals("adam") ? 0.001 : 0.1));
        if (kind.equals("momentum") || kind.equals("nesterov")) {
            settings.put("--momentum", String.valueOf(momentum));
        }
        settings.put("--schedule", scheduleName);
        if (!scheduleName.equals("constant")) {
            settings.put("--gamma", String.valueOf(gamma != null ? gamma : scheduleName.equals("exponential") ? 0.75 : 0.5));
        }
        if (scheduleName.equals("step")) {
            settings.put("--decay-every", String.valueOf(decayEvery));
        }
        return settings;
    }

    /** Schedules are stated per epoch on the command line and applied per step. */
    private StepSize stepSize(double lr, int stepsPerEpoch, String kind) {
        if (decayEvery < 1) {
            throw new DescentException("--decay-every must be at least 1 epoch, got " + decayEvery);
        }
        double gamma = this.gamma != null ? this.gamma : kind.equalsIgnoreCase("exponential") ? 0.75 : 0.5;
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "constant" -> StepSize.constant(lr);
            case "step" -> StepSize.stepDecay(lr, gamma, decayEvery * stepsPerEpoch);
            case "inverse" -> StepSize.inverseTime(lr, gamma / stepsPerEpoch);
            case "exponential" -> StepSize.exponential(lr, Math.pow(gamma, 1.0 / stepsPerEpoch));
            default -> throw new DescentException("--schedule " + kind
                    + ": unknown; use constant, step, inverse or exponential");
        };
    }
}
