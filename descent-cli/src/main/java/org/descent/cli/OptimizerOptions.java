package org.descent.cli;

import java.util.LinkedHashMap;
import java.util.List;
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
    @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "OPTIMIZER",
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Choices.OptimizerName name;

    @Option(names = "--lr", paramLabel = "η",
            description = "Learning rate η (default 0.001 for adam, 0.1 otherwise).")
    Double learningRate;

    @Option(names = "--momentum", defaultValue = "0.9", paramLabel = "μ",
            description = "Momentum μ for momentum and nesterov (default ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--schedule", paramLabel = "SCHEDULE",
            description = "Step sizes η_k (${COMPLETION-CANDIDATES}): constant, step (×γ every --decay-every epochs), inverse "
                    + "(η/(1+γ·epoch)) or exponential (η·γ^epoch). Default: exponential for 28×28 images, else constant.")
    Choices.ScheduleName schedule;

    @Option(names = "--gamma", paramLabel = "γ",
            description = "Decay factor of the schedule (default 0.75 for exponential, else 0.5).")
    Double gamma;

    @Option(names = "--decay-every", defaultValue = "3", paramLabel = "EPOCHS",
            description = "Epochs between decays of the step schedule (default ${DEFAULT-VALUE}).")
    int decayEvery;

    /** @param images whether the data are 28×28 images, whose default schedule decays */
    Optimizer create(List<Parameter> parameters, int stepsPerEpoch, boolean images) {
        double lr = learningRate != null ? learningRate : name == Choices.OptimizerName.ADAM ? 0.001 : 0.1;
        StepSize steps = stepSize(lr, stepsPerEpoch, schedule != null ? schedule
                : images ? Choices.ScheduleName.EXPONENTIAL : Choices.ScheduleName.CONSTANT);
        return switch (name) {
            case SGD -> new GradientDescent(parameters, GradientDescentConfig.of(steps));
            case MOMENTUM -> new GradientDescent(parameters, GradientDescentConfig.of(steps).withMomentum(momentum));
            case NESTEROV -> new GradientDescent(parameters, GradientDescentConfig.of(steps).withNesterov(momentum));
            case ADAM -> new Adam(parameters, AdamConfig.of(steps));
        };
    }

    /**
     * The options that decide the result, resolved (defaults filled in) and named as on the
     * command line, for the checkpoint's {@link org.descent.train.RunSettings}.
     */
    Map<String, String> settings(boolean images) {
        String kind = name.toString();
        String scheduleName = (schedule != null ? schedule
                : images ? Choices.ScheduleName.EXPONENTIAL : Choices.ScheduleName.CONSTANT).toString();
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
    private StepSize stepSize(double lr, int stepsPerEpoch, Choices.ScheduleName kind) {
        if (decayEvery < 1) {
            throw new DescentException("--decay-every must be at least 1 epoch, got " + decayEvery);
        }
        double gamma = this.gamma != null ? this.gamma : kind == Choices.ScheduleName.EXPONENTIAL ? 0.75 : 0.5;
        return switch (kind) {
            case CONSTANT -> StepSize.constant(lr);
            case STEP -> StepSize.stepDecay(lr, gamma, decayEvery * stepsPerEpoch);
            case INVERSE -> StepSize.inverseTime(lr, gamma / stepsPerEpoch);
            case EXPONENTIAL -> StepSize.exponential(lr, Math.pow(gamma, 1.0 / stepsPerEpoch));
        };
    }
}
