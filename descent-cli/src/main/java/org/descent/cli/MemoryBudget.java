package org.descent.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.descent.DescentException;
import org.descent.Sizes;
import org.descent.io.NetworkSpec;
import org.descent.nn.LayerRegistry;
import org.descent.nn.LayerSpec;
import org.descent.tensor.Shape;

/**
 * The heap a run will need, estimated from the network's spec before anything of it is
 * allocated, so that {@code --layers 40000,40000} is refused in one line naming the sizes, the
 * bytes and the heap, instead of running out of memory halfway through building. All arithmetic
 * is overflow-checked in {@code long} ({@link Sizes}).
 *
 * <p>Training holds, in float32: the parameters P, their gradients P and the optimizer's state
 * (one slot of P for momentum, Nesterov, RMSprop and AdaGrad, two for Adam and AdamW); and per
 * sample row of the largest forward pass (a training batch, or a whole validation or test split,
 * which {@code Trainer.evaluate} runs at once) every layer's output with its gradient and one
 * saved copy (a mask, normalized values): three floats per output feature.
 */
final class MemoryBudget {
    private static final long FLOAT = 4;
    private static final long ACTIVATION_COPIES = 3;

    private MemoryBudget() {
    }

    /** Refuses training {@code spec} ({@code what} names the layer option) if the heap left cannot hold it. */
    static void checkTraining(NetworkSpec spec, String what, int rows, Choices.OptimizerName optimizer) {
        long parameters = 0;
        long activations = 0;
        int features = spec.inputSize();
        for (LayerSpec layer : spec.layers()) {
            var layout = LayerRegistry.layout(layer, features);
            for (Shape shape : layout.state().values()) {
                parameters = Sizes.sum(what + ": parameters", parameters,
                        Sizes.product(what, java.util.Arrays.stream(shape.dims()).asLongStream().toArray()));
            }
            features = layout.outputSize();
            activations = Sizes.sum(what + ": activations", activations, features);
        }
        long slots = 2 + switch (optimizer) {
            case SGD -> 0;
            case MOMENTUM, NESTEROV, RMSPROP, ADAGRAD -> 1;
            case ADAM, ADAMW -> 2;
        };
        long needed = Sizes.sum(what, Sizes.product(what + ": parameters", parameters, slots, FLOAT),
                Sizes.product(what + ": activations", activations, rows, ACTIVATION_COPIES, FLOAT));
        require(needed, String.format(Locale.ROOT, "%s: training %s needs about %s (%,d parameters, their gradients and"
                        + " %s's state, and the activations of %,d rows)", what, spec.architecture(), bytes(needed),
                parameters, optimizer, rows));
    }

    /** Refuses loading the model file {@code file} if the heap left cannot hold it: its bytes, the decoded tensors and the built network. */
    static void checkModelFile(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            return;   // ModelFile.load says why it cannot read the file
        }
        long needed = Sizes.product(file + ": loading", size, 3);
        require(needed, String.format(Locale.ROOT, "%s: loading this model file of %s needs about %s (its bytes,"
                + " the tensors and the network)", file, bytes(size), bytes(needed)));
    }

    private static void require(long needed, String what) {
        Runtime runtime = Runtime.getRuntime();
        long max = runtime.maxMemory();
        if (needed <= max - (runtime.totalMemory() - runtime.freeMemory())) {
            return;
        }
        System.gc();   // only here, near the limit: what is in use may be mostly garbage
        long used = runtime.totalMemory() - runtime.freeMemory();
        if (needed <= max - used) {
            return;
        }
        long gigabytes = Math.max(1, -Math.floorDiv(-Sizes.sum("the heap", needed, used, needed / 4), 1L << 30));
        throw new DescentException(String.format(Locale.ROOT, "%s, but the JVM may use at most %s and %s of it are in use;"
                + " give it more, e.g. DESCENT_JAVA_OPTS=-Xmx%dg ./descent ..., or make it smaller", what, bytes(max),
                bytes(used), gigabytes));
    }

    /** {@code 23.9 GB}, {@code 512 MB}: binary units, as -Xmx counts them (and the JVM's heap figures). */
    static String bytes(long count) {
        if (count >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", count / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MB", -Math.floorDiv(-count, 1L << 20));
    }
}
