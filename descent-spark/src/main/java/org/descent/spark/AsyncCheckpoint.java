package org.descent.spark;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.descent.DescentException;
import org.descent.io.Model;
import org.descent.io.Safetensors;
import org.descent.io.SafetensorsContent;
import org.descent.nn.Module;
import org.descent.optim.Optimizer;
import org.descent.train.Checkpoint;
import org.descent.train.EpochResult;
import org.descent.train.Trainer;
import org.descent.train.TrainingListener;

/**
 * Saves a {@link Checkpoint} (the single-machine format, written atomically) after every epoch,
 * off the training thread: at the end of an epoch the driver only copies the network and optimizer
 * state (their safetensors bytes), and a writer thread puts them into a network and optimizer of
 * its own and saves those while the next epoch trains. So a driver killed mid-run loses at most the
 * epoch whose checkpoint was being written, besides the one it was training. A write that failed is
 * reported by the next epoch's end or by {@link #close}.
 */
public final class AsyncCheckpoint implements TrainingListener, AutoCloseable {
    private final Path path;
    private final Module network;
    private final Optimizer optimizer;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "descent checkpoint writer");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> pending = CompletableFuture.completedFuture(null);

    /** @param optimizer makes an optimizer of the training's kind for the writer's own network */
    public AsyncCheckpoint(Path path, Model model, OptimizerFactory optimizer) {
        if (path == null || model == null || optimizer == null) {
            throw new DescentException("AsyncCheckpoint needs a path, a model and an optimizer factory");
        }
        this.path = path;
        this.network = model.spec().build(new Random(0));
        this.optimizer = optimizer.apply(network.parameters());
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult epoch) {
        finishPending();
        byte[] state = Weights.encode(trainer.model());
        byte[] optimizerState = Safetensors.encode(new SafetensorsContent(trainer.optimizer().state()));
        int done = epoch.epoch();
        pending = writer.submit(() -> {
            String source = "the state of epoch " + done;
            Weights.load(state, network, source);
            optimizer.loadState(Safetensors.decode(optimizerState, source).tensors());
            Checkpoint.save(path, network, optimizer, done);
        });
    }

    /** Waits for the last checkpoint to be written, and stops the writer thread. */
    @Override
    public void close() {
        try {
            finishPending();
        } finally {
            writer.shutdown();
        }
    }

    private void finishPending() {
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DescentException("interrupted while writing the checkpoint " + path, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DescentException d ? d
                    : new DescentException("could not write the checkpoint " + path + ": " + e.getCause(), e.getCause());
        }
    }
}
