package org.descent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.descent.data.Dataset;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.descent.train.StepResult;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import org.descent.train.TrainingListener;

/**
 * Trains a throwaway network of the run's options (28 × 28 inputs, ten classes, the run's layers,
 * optimizer and batch size) on random data, on a background thread, while the real data load: the
 * JIT compiles the kernels and the step loop on the other core meanwhile, instead of during the
 * first epoch (docs/PERFORMANCE.md, "Start-up and warm-up"). {@link #close} stops it and waits for
 * its step to end, so the run's own training never shares the kernels' threads with it. It draws on
 * no shared random state and changes nothing the run uses: the run's results stay bit for bit the same.
 */
final class WarmUp implements AutoCloseable, TrainingListener {
    private static final int FEATURES = 28 * 28;
    private static final int CLASSES = 10;
    /** 8 MB: a CSV file of about 4,000 rows of 784 pixels. */
    static final long LARGE_FILE = 8L << 20;
    private final Thread thread;
    private volatile boolean stop;
    private volatile long steps;

    private WarmUp(NetworkOptions network, OptimizerOptions optimizer, int batch) {
        thread = new Thread(() -> train(network, optimizer, batch), "descent-warm-up");
        thread.setDaemon(true);
    }

    /**
     * Starts warming up if the data take long enough to load to gain from it: Fashion-MNIST, an IDX
     * folder, or a file of at least {@link #LARGE_FILE} bytes. Otherwise the warm-up would only
     * delay the run: {@link #close} waits for its first step, which runs in the interpreter.
     */
    static WarmUp start(String source, NetworkOptions network, OptimizerOptions optimizer, int batch) {
        WarmUp warmUp = new WarmUp(network, optimizer, batch);
        if (worthIt(source)) {
            warmUp.thread.start();
        }
        return warmUp;
    }

    static boolean worthIt(String source) {
        if (source.equalsIgnoreCase("fashion-mnist")) {
            return true;
        }
        try {
            Path path = Path.of(source);
            return Files.isDirectory(path) || Files.isRegularFile(path) && Files.size(path) >= LARGE_FILE;
        } catch (IOException | InvalidPathException unreadable) {
            return false; // the run reports it
        }
    }

    private void train(NetworkOptions network, OptimizerOptions optimizer, int batch) {
        try {
            int rows = Math.max(batch, 1);
            Random random = new Random(1);
            List<String> names = IntStream.range(0, CLASSES).mapToObj(String::valueOf).toList();
            Dataset data = Dataset.classification(Tensor.randn(random, DType.FLOAT32, rows, FEATURES),
                    IntStream.range(0, rows).map(i -> i % CLASSES).toArray(), CLASSES, names);
            Model model = Model.create(network.spec(FEATURES, Task.MULTICLASS, CLASSES, 1, names, Normalize.standardize(data),
                    true), random);
            int epochs = Integer.MAX_VALUE;
            new Trainer(model.network(), network.loss(Task.MULTICLASS),
                    optimizer.create(model.network().parameters(), 1, true, epochs), Task.MULTICLASS,
                    new TrainingConfig(epochs, batch, 1)).addListener(this).fit(data, null);
        } catch (RuntimeException invalidOptions) {
            // The run itself reports its options' errors; a warm-up that cannot start just ends.
        }
    }

    @Override
    public void onStep(Trainer trainer, StepResult step) {
        steps = step.step();
        if (stop) {
            trainer.stop("warmed up");
        }
    }

    /** The warm-up steps done so far. */
    long steps() {
        return steps;
    }

    /** Stops the warm-up and waits for it to end. */
    @Override
    public void close() {
        stop = true;
        try {
            thread.join(); // returns at once if it never started
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
