package org.descent.cli;

import java.nio.file.Path;
import java.util.Map;
import org.descent.DescentException;
import org.descent.optim.GradientClipping;
import picocli.CommandLine.Option;

/** Gradient clipping and the per-epoch metrics file, from the command line. */
final class RunOptions {
    @Option(names = "--clip-norm", paramLabel = "C",
            description = "Clip the gradient to global norm C before each step (PyTorch's clip_grad_norm_).")
    Double clipNorm;

    @Option(names = "--clip-value", paramLabel = "V",
            description = "Clamp each gradient element to [-V, V] before each step (PyTorch's clip_grad_value_).")
    Double clipValue;

    @Option(names = "--log", paramLabel = "CSV",
            description = "Write the figures of every epoch line here, one row per epoch (rewritten after each epoch).")
    Path log;

    /** The clipping asked for, or null. */
    GradientClipping clipping() {
        if (clipNorm != null && clipValue != null) {
            throw new DescentException("give --clip-norm or --clip-value, not both");
        }
        if (clipNorm != null) {
            if (!(clipNorm > 0) || clipNorm.isInfinite()) {
                throw new DescentException("--clip-norm must be positive and finite, got " + clipNorm);
            }
            return GradientClipping.byNorm(clipNorm);
        }
        if (clipValue != null) {
            if (!(clipValue > 0) || clipValue.isInfinite()) {
                throw new DescentException("--clip-value must be positive and finite, got " + clipValue);
            }
            return GradientClipping.byValue(clipValue);
        }
        return null;
    }

    /** The clipping, for the checkpoint's {@link org.descent.train.RunSettings} ({@code none} when not clipped). */
    void settings(Map<String, String> settings) {
        settings.put("--clip-norm", clipNorm == null ? "none" : String.valueOf(clipNorm));
        settings.put("--clip-value", clipValue == null ? "none" : String.valueOf(clipValue));
    }
}
