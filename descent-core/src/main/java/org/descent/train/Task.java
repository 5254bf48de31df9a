package org.descent.train;

import org.descent.DescentException;
import org.descent.eval.ConfusionMatrix;
import org.descent.loss.BinaryCrossEntropyWithLogits;
import org.descent.loss.CrossEntropy;
import org.descent.loss.L2Loss;
import org.descent.loss.Loss;
import org.descent.tensor.Tensor;

/**
 * What a network's output means. The network ends in an affine layer (logits or real values);
 * the task says which loss fits it and how outputs become predictions and probabilities.
 */
public enum Task {
    /** Real-valued outputs, L2 divergence ½‖y − d‖². */
    REGRESSION,
    /** One logit per sample, σ(z) = P(positive); binary cross-entropy from the logits. */
    BINARY,
    /** K logits per sample, softmax probabilities; cross-entropy from the logits. */
    MULTICLASS;

    /**
     * The task a model file or an option names: {@code regression}, {@code binary},
     * {@code multiclass}, or {@code classification} for multiclass (what the README's
     * {@code ModelFile} example writes); case does not matter. Anything else is refused naming
     * the known tasks.
     */
    public static Task named(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (key) {
            case "regression" -> REGRESSION;
            case "binary" -> BINARY;
            case "multiclass", "classification" -> MULTICLASS;
            default -> throw new DescentException("unknown task '" + name
                    + "'; expected regression, binary, multiclass or classification (= multiclass)");
        };
    }

    /** The divergence that fits this task; label smoothing only applies to MULTICLASS (lecture's ε = s/K). */
    public Loss defaultLoss(double pytorchLabelSmoothing) {
        if (pytorchLabelSmoothing != 0 && this != MULTICLASS) {
            throw new DescentException("label smoothing applies to multi-class tasks only, this task is "
                    + name().toLowerCase());
        }
        return switch (this) {
            case REGRESSION -> new L2Loss();
            case BINARY -> new BinaryCrossEntropyWithLogits();
            case MULTICLASS -> CrossEntropy.withPyTorchSmoothing(pytorchLabelSmoothing);
        };
    }

    /** Predicted classes: z ≥ 0 (σ(z) ≥ ½) for BINARY, the arg-max for MULTICLASS. */
    public int[] predictions(Tensor outputs) {
        return switch (this) {
            case REGRESSION -> throw new DescentException("a regression network predicts values, not classes");
            case BINARY -> ConfusionMatrix.predictions(outputs, 0.0);
            case MULTICLASS -> ConfusionMatrix.predictions(outputs, Double.NaN);
        };
    }

    /** What users read: σ(z) for BINARY, softmax(z) for MULTICLASS, the values for REGRESSION. */
    public Tensor readable(Tensor outputs) {
        return switch (this) {
            case REGRESSION -> outputs;
            case BINARY -> outputs.sigmoid();
            case MULTICLASS -> outputs.softmax(1);
        };
    }

    public boolean isClassification() {
        return this != REGRESSION;
    }
}
