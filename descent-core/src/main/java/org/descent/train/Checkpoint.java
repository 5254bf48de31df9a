package org.descent.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.descent.DescentException;
import org.descent.io.Safetensors;
import org.descent.io.SafetensorsContent;
import org.descent.nn.Module;
import org.descent.optim.Optimizer;
import org.descent.tensor.Tensor;

/**
 * A training run's state after a whole epoch, so that it resumes exactly: the network's
 * {@link Module#state() state} (parameters and buffers), the optimizer's state (step count, velocities or moments) and the number of epochs done. The batch
 * order of an epoch depends only on (seed, epoch), so nothing else is needed for a resumed run to
 * produce the same weights, bit for bit, as an uninterrupted one.
 *
 * <p>The file is safetensors: {@code model.<name>} tensors (the state map: every parameter and
 * buffer), {@code optimizer.<state>} tensors, and {@code __metadata__} with
 * {@code descent.checkpoint = 1}, {@code epoch} and {@code optimizer}. It is written atomically.
 * Restoring checks the metadata and every tensor's name and shape before anything changes.
 */
public final class Checkpoint {
    private static final String FORMAT_KEY = "descent.checkpoint";
    private static final String FORMAT = "1";
    private static final String MODEL = "model.";
    private static final String OPTIMIZER = "optimizer.";

    private Checkpoint() {
    }

    private static int epoch(Path path, String value) {
        try {
            int epoch = Integer.parseInt(value);
            if (epoch >= 0) {
                return epoch;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new DescentException(path + " has epoch '" + value + "' in its metadata; expected the number of epochs done");
    }

    public static void save(Path path, Module model, Optimizer optimizer, int epochsDone) {
        save(path, model, optimizer, epochsDone, RunSettings.none());
    }

    /** As {@link #save(Path, Module, Optimizer, int)}, recording the {@code run}'s settings for the resume. */
    public static void save(Path path, Module model, Optimizer optimizer, int epochsDone, RunSettings run) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        model.state().forEach((name, t) -> tensors.put(MODEL + name, t));
        optimizer.state().forEach((name, t) -> tensors.put(OPTIMIZER + name, t));
        Map<String, String> metadata = new LinkedHashMap<>(Map.of(FORMAT_KEY, FORMAT, "epoch", String.valueOf(epochsDone),
                "optimizer", optimizer.getClass().getSimpleName()));
        run.record(metadata);
        Safetensors.write(path, new SafetensorsContent(tensors, metadata));
    }

    /** Puts the saved weights and optimizer state back and returns the number of epochs done. */
    public static int restore(Path path, Module model, Optimizer optimizer) {
        return restore(path, model, optimizer, RunSettings.none());
    }

    /**
     * As {@link #restore(Path, Module, Optimizer)}, first refusing a checkpoint whose recorded
     * settings differ from {@code run}'s, naming the setting and both values.
     */
    public static int restore(Path path, Module model, Optimizer optimizer, RunSettings run) {
        SafetensorsContent content = Safetensors.read(path);
        Map<String, String> metadata = content.metadata();
        if (!FORMAT.equals(metadata.get(FORMAT_KEY))) {
            throw new DescentException(path + " is not a Descent checkpoint (no " + FORMAT_KEY + " = " + FORMAT
                    + " in its metadata); checkpoints are written by --checkpoint");
        }
        run.requireSameAs(metadata, path.toString());
        String kind = optimizer.getClass().getSimpleName();
        if (!kind.equals(metadata.get("optimizer"))) {
            throw new DescentException(path + " holds the state of " + metadata.get("optimizer")
                    + " but this run uses " + kind + "; resume with the same optimizer");
        }
        Map<String, Tensor> optimizerState = new LinkedHashMap<>();
        Map<String, Tensor> weights = new LinkedHashMap<>();
        content.tensors().forEach((name, t) -> {
            if (name.startsWith(OPTIMIZER)) {
                optimizerState.put(name.substring(OPTIMIZER.length()), t);
            } else if (name.startsWith(MODEL)) {
                weights.put(name.substring(MODEL.length()), t);
            }
        });
        int epoch = epoch(path, metadata.get("epoch"));
        Map<String, Tensor> state = model.state();
        if (!weights.keySet().equals(state.keySet())) {
            throw new DescentException(path + " holds the parameters and buffers " + weights.keySet()
                    + " but the network has " + state.keySet() + "; resume with the same network");
        }
        Map<String, Tensor> converted = new LinkedHashMap<>();
        state.forEach((name, t) -> {
            if (!weights.get(name).shape().equals(t.shape())) {
                throw new DescentException(path + " was written for another network: its " + name + " has shape "
                        + weights.get(name).shape() + " but this network's has shape " + t.shape()
                        + "; resume with the same network");
            }
            converted.put(name, weights.get(name).copy(t.dtype()));
        });
        model.checkState(converted, path.toString());
        optimizer.loadState(optimizerState);
        model.loadState(converted, path.toString());
        return epoch;
    }
}
