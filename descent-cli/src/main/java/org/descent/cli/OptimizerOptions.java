package org.descent.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.descent.DescentException;
import org.descent.nn.Parameter;
import org.descent.optim.AdaGrad;
import org.descent.optim.AdaGradConfig;
import org.descent.optim.Adam;
import org.descent.optim.AdamConfig;
import org.descent.optim.AdamW;
import org.descent.optim.GradientDescent;
import org.descent.optim.GradientDescentConfig;
import org.descent.optim.Optimizer;
import org.descent.optim.ReduceOnPlateau;
import org.descent.optim.RmsProp;
import org.descent.optim.RmsPropConfig;
import org.descent.optim.StepSize;
import picocli.CommandLine.Option;

/** The optimizer and its step-size schedule, from the command line. */
final class OptimizerOptions {
    @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "OPTIMIZER",
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Choices.OptimizerName name;

    @Option(names = "--lr", paramLabel = "η",
            description = "Learning rate η (default 0.001 for adam and adamw, 0.01 for rmsprop and adagrad, else 0.1).")
    Double learningRate;

    @Option(names = "--momentum", defaultValue = "0.9", paramLabel = "μ",
            description = "Momentum μ for momentum and nesterov (default ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--weight-decay", paramLabel = "λ",
            description = "Weight decay λ ≥ 0: decoupled for adamw (default 0.01), added to the gradient (g + λW) "
                    + "for the others (default 0).")
    Double weightDecay;

    @Option(names = "--schedule", paramLabel = "SCHEDULE",
            description = "Step sizes η_k: constant, step (×γ every --decay-every epochs), inverse "
                    + "(η/(1+γ·epoch)), exponential (η·γ^epoch) or cosine (from η down to --min-lr over the run). "
                    + "Default: exponential for 28×28 images, else constant.")
    Choices.ScheduleName schedule;

    @Option(names = "--gamma", paramLabel = "γ",
            description = "Decay factor of the schedule (default 0.75 for exponential, else 0.5).")
    Double gamma;

    @Option(names = "--decay-every", defaultValue = "3", paramLabel = "EPOCHS",
            description = "Epochs between decays of the step schedule (default ${DEFAULT-VALUE}).")
    int decayEvery;

    @Option(names = "--warmup-epochs", paramLabel = "N",
            description = "Linear warm-up over the first N epochs (from η/steps up to η), then the schedule.")
    Integer warmupEpochs;

    @Option(names = "--reduce-on-plateau",
            description = "Multiply η by --plateau-factor when the validation loss has not improved for "
                    + "--plateau-patience epochs.")
    boolean reduceOnPlateau;

    @Option(names = "--plateau-factor", defaultValue = "0.1", paramLabel = "F",
            description = "Reduce-on-plateau factor in (0, 1) (default ${DEFAULT-VALUE}).")
    double plateauFactor;

    @Option(names = "--plateau-patience", defaultValue = "2", paramLabel = "EPOCHS",
            description = "Reduce-on-plateau patience (default ${DEFAULT-VALUE}).")
    int plateauPatience;

    @Option(names = "--plateau-cooldown", defaultValue = "0", paramLabel = "EPOCHS",
            description = "Epochs after a reduction in which none is counted (default ${DEFAULT-VALUE}).")
    int plateauCooldown;

    @Option(names = "--min-lr", defaultValue = "0", paramLabel = "η_min",
            description = "The end of the cosine schedule and the floor of reduce-on-plateau (default ${DEFAULT-VALUE}).")
    double minimumRate;

    /**
     * @param images whether the data are 28×28 images, whose default schedule decays
     * @param epochs the epochs of the run, for cosine annealing and the warm-up
     */
    Optimizer create(List<Parameter> parameters, int stepsPerEpoch, boolean images, int epochs) {
        String kind = name.toString();
        double lr = learningRate != null ? learningRate : defaultLearningRate(kind);
        if (weightDecay != null && !(weightDecay >= 0 && Double.isFinite(weightDecay))) {
            throw new DescentException("--weight-decay must be >= 0 and finite, got " + weightDecay);
        }
        double lambda = weightDecay != null ? weightDecay : kind.equals("adamw") ? AdamW.DEFAULT_WEIGHT_DECAY : 0;
        StepSize steps = schedule(lr, stepsPerEpoch, epochs, images);
        return switch (kind) {
            case "sgd" -> new GradientDescent(parameters, GradientDescentConfig.of(steps).withWeightDecay(lambda));
            case "momentum" -> new GradientDescent(parameters,
                    GradientDescentConfig.of(steps).withMomentum(momentum).withWeightDecay(lambda));
            case "nesterov" -> new GradientDescent(parameters,
                    GradientDescentConfig.of(steps).withNesterov(momentum).withWeightDecay(lambda));
            case "adam" -> new Adam(parameters, AdamConfig.of(steps).withWeightDecay(lambda));
            case "adamw" -> new AdamW(parameters, AdamConfig.of(steps).withWeightDecay(lambda));
            case "rmsprop" -> new RmsProp(parameters, RmsPropConfig.of(steps).withWeightDecay(lambda));
            case "adagrad" -> new AdaGrad(parameters, AdaGradConfig.of(steps).withWeightDecay(lambda));
            default -> throw new DescentException("--optimizer " + name
                    + ": unknown; use sgd, momentum, nesterov, adam, adamw, rmsprop or adagrad");
        };
    }

    private static double defaultLearningRate(String kind) {
        return switch (kind) {
            case "adam", "adamw" -> 0.001;
            case "rmsprop", "adagrad" -> 0.01;
            default -> 0.1;
        };
    }

    /** The schedule, after the warm-up if any, reduced on plateaus if asked. */
    private StepSize schedule(double lr, int stepsPerEpoch, int epochs, boolean images) {
        int warmupSteps = 0;
        if (warmupEpochs != null) {
            if (warmupEpochs < 1 || warmupEpochs >= epochs) {
                throw new DescentException("--warmup-epochs must be at least 1 and less than the " + epochs
                        + " epochs of the run, got " + warmupEpochs);
            }
            warmupSteps = warmupEpochs * stepsPerEpoch;
        }
        String kind = schedule != null ? schedule.toString() : images ? "exponential" : "constant";
        StepSize steps = stepSize(lr, stepsPerEpoch, kind, epochs * stepsPerEpoch - warmupSteps);
        if (warmupSteps > 0) {
            steps = StepSize.warmup(warmupSteps, 1.0 / warmupSteps, steps);
        }
        return reduceOnPlateau
                ? new ReduceOnPlateau(steps, plateauFactor, plateauPatience, plateauCooldown, minimumRate, 1e-4)
                : steps;
    }

    /**
     * The options that decide the result, resolved (defaults filled in) and named as on the
     * command line, for the checkpoint's {@link org.descent.train.RunSettings}.
     */
    Map<String, String> settings(boolean images) {
        String kind = name.toString();
        String scheduleName = schedule != null ? schedule.toString() : images ? "exponential" : "constant";
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("--optimizer", kind);
        settings.put("--lr", String.valueOf(learningRate != null ? learningRate : defaultLearningRate(kind)));
        settings.put("--weight-decay", String.valueOf(weightDecay != null ? weightDecay
                : kind.equals("adamw") ? AdamW.DEFAULT_WEIGHT_DECAY : 0.0));
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
        if (warmupEpochs != null) {
            settings.put("--warmup-epochs", String.valueOf(warmupEpochs));
        }
        if (reduceOnPlateau) {
            settings.put("--reduce-on-plateau", plateauFactor + "," + plateauPatience + "," + plateauCooldown);
        }
        if (reduceOnPlateau || scheduleName.equals("cosine")) {
            settings.put("--min-lr", String.valueOf(minimumRate));
        }
        return settings;
    }

    /** Schedules are stated per epoch on the command line and applied per step. */
    private StepSize stepSize(double lr, int stepsPerEpoch, String kind, int annealingSteps) {
        if (decayEvery < 1) {
            throw new DescentException("--decay-every must be at least 1 epoch, got " + decayEvery);
        }
        double gamma = this.gamma != null ? this.gamma : kind.equalsIgnoreCase("exponential") ? 0.75 : 0.5;
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "constant" -> StepSize.constant(lr);
            case "step" -> StepSize.stepDecay(lr, gamma, decayEvery * stepsPerEpoch);
            case "inverse" -> StepSize.inverseTime(lr, gamma / stepsPerEpoch);
            case "exponential" -> StepSize.exponential(lr, Math.pow(gamma, 1.0 / stepsPerEpoch));
            case "cosine" -> StepSize.cosine(lr, minimumRate, annealingSteps);
            default -> throw new DescentException("--schedule " + kind
                    + ": unknown; use constant, step, inverse, exponential or cosine");
        };
    }
}
