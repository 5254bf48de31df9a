package org.descent.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.descent.DescentException;
import org.descent.data.Normalize;
import org.descent.nn.Activations;
import org.descent.nn.LayerSpec;
import org.descent.io.NetworkSpec;
import org.descent.loss.BinaryCrossEntropyWithLogits;
import org.descent.loss.CrossEntropy;
import org.descent.data.Dataset;
import org.descent.data.Split;
import org.descent.loss.HuberLoss;
import org.descent.loss.L1Loss;
import org.descent.loss.L2Loss;
import org.descent.loss.Loss;
import org.descent.loss.WeightedCrossEntropy;
import org.descent.train.Task;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The network's shape and divergence, from the command line. */
final class NetworkOptions {
    @Option(names = "--layers", split = ",", paramLabel = "SIZES",
            description = "Hidden layer sizes, comma-separated (default 256,128 for 28×28 images, else 64).")
    int[] hidden;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "ACTIVATION", completionCandidates = HiddenActivations.class,
            description = "Hidden activation: one of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}; leaky-relu "
                    + "with α = 0.01, elu with α = 1).")
    String activation;

    @Option(names = "--loss", defaultValue = "auto", paramLabel = "LOSS",
            description = "${COMPLETION-CANDIDATES}; auto picks by task, huber with δ = 1 (default ${DEFAULT-VALUE}).")
    Choices.LossName loss;

    @Option(names = "--label-smoothing", defaultValue = "0", paramLabel = "S",
            description = "Label smoothing s as in PyTorch (ε = s/K on each wrong class); multi-class only.")
    double labelSmoothing;

    @Option(names = "--class-weights", paramLabel = "auto|W1,W2,..",
            description = "Class weights of the cross-entropy (PyTorch's weight=, a weighted mean): one per class, "
                    + "or auto for N / (K · n_k), n_k the training samples of class k.")
    String classWeights;

    @Mixin
    HiddenLayerOptions hiddenLayers = new HiddenLayerOptions();

    /** The MLP: hidden Linear (+ normalization) + activation (+ dropout) layers, then a Linear output sized for the task. */
    NetworkSpec spec(int inputSize, Task task, int classes, int targets, List<String> classNames,
                     Normalize normalization, boolean images) {
        String act = activation.toLowerCase(Locale.ROOT).replace('-', '_');
        if (!Activations.names().contains(act) || Activations.normalizesRows(act)) {
            throw new DescentException("--activation " + activation + ": unknown; use one of " + hiddenActivations());
        }
        List<LayerSpec> layers = new ArrayList<>();
        int[] sizes = hidden != null ? hidden : images ? new int[] {256, 128} : new int[] {64};
        for (int size : sizes) {
            if (size <= 0) {
                throw new DescentException("--layers: every layer needs a positive size, got " + size);
            }
            hiddenLayers.add(layers, size, LayerSpec.activation(act));
        }
        int outputs = switch (task) {
            case MULTICLASS -> classes;
            case BINARY -> 1;
            case REGRESSION -> targets;
        };
        layers.add(LayerSpec.linear(outputs));
        List<String> names = task == Task.MULTICLASS ? classNames : List.of();
        return new NetworkSpec(inputSize, layers, task.name().toLowerCase(Locale.ROOT), loss(task).name(),
                task == Task.MULTICLASS ? classes : task == Task.BINARY ? 2 : 0, names, normalization, labelSmoothing);
    }

    /** Refuses training {@code spec} on {@code split} in batches of {@code batch} if the heap cannot hold it ({@link MemoryBudget}). */
    void checkMemory(NetworkSpec spec, Split split, int batch, Choices.OptimizerName optimizer) {
        int rows = Math.max(batch == 0 ? split.train().size() : batch, Math.max(split.validation().size(), split.test().size()));
        String what = hidden == null ? "the network" : "--layers " + Arrays.stream(hidden).mapToObj(String::valueOf)
                .collect(Collectors.joining(","));
        MemoryBudget.checkTraining(spec, what, rows, optimizer);
    }

    /**
     * The element-wise activations of the {@link Activations} table, the ones a hidden layer can
     * use, as the command line spells them ({@code gelu-tanh}; {@code gelu_tanh} is accepted too).
     */
    static List<String> hiddenActivations() {
        return Activations.names().stream().filter(name -> !Activations.normalizesRows(name))
                .map(name -> name.replace('_', '-')).toList();
    }

    /** {@link #hiddenActivations()} for picocli's help text. */
    static final class HiddenActivations implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return hiddenActivations().iterator();
        }
    }

    /** The divergence: by default the one that fits the task, fused with the output activation. */
    Loss loss(Task task) {
        Loss chosen = loss == Choices.LossName.AUTO ? task.defaultLoss(labelSmoothing) : named(loss.toString(), labelSmoothing);
        if (labelSmoothing != 0 && !(chosen instanceof CrossEntropy)) {
            throw new DescentException("--label-smoothing applies to the cross-entropy loss only");
        }
        return chosen;
    }

    /** The training loss: {@link #loss(Task)} with the --class-weights, if given, from the training split. */
    Loss loss(Task task, Dataset train) {
        Loss plain = loss(task);
        if (classWeights == null) {
            return plain;
        }
        if (!(plain instanceof CrossEntropy crossEntropy)) {
            throw new DescentException("--class-weights applies to the cross-entropy of a multi-class task only");
        }
        return new WeightedCrossEntropy(ClassWeights.parse(classWeights, train), crossEntropy);
    }

    /** {@code spec} with the class weights of {@code loss}, if any, so that evaluate reports the loss the model was trained on. */
    static NetworkSpec withWeightsOf(Loss loss, NetworkSpec spec) {
        return loss instanceof WeightedCrossEntropy weighted ? spec.withClassWeights(weighted.weights()) : spec;
    }

    /** The loss of the run, for the checkpoint's {@link org.descent.train.RunSettings}. */
    void settings(Map<String, String> settings, Loss chosen) {
        settings.put("--loss", chosen.name());
        settings.put("--label-smoothing", String.valueOf(labelSmoothing));
        settings.put("--class-weights", classWeights == null ? "none" : classWeights);
    }

    /** A loss by its command-line name or its {@link Loss#name()}, as stored in model files. */
    static Loss named(String name, double labelSmoothing) {
        return switch (name.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "cross-entropy" -> CrossEntropy.withPyTorchSmoothing(labelSmoothing);
            case "bce", "binary-cross-entropy-with-logits" -> new BinaryCrossEntropyWithLogits();
            case "l2" -> new L2Loss();
            case "l1" -> new L1Loss();
            case "huber" -> new HuberLoss();
            default -> throw new DescentException("--loss " + name
                    + ": unknown; use auto, cross-entropy, bce, l2, l1 or huber");
        };
    }
}
