package org.descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.descent.DescentException;
import org.descent.io.Safetensors;
import org.descent.io.SafetensorsContent;
import org.descent.nn.Linear;
import org.descent.nn.Sequential;
import org.descent.optim.Adam;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12, reproducers 6 and 7: a damaged checkpoint is refused before the weights are touched. */
class CheckpointHostileTest {
    @TempDir
    Path dir;

    private static Sequential network(long seed) {
        return new Sequential(new Linear(2, 2, new Random(seed)));
    }

    /** A checkpoint of one Adam step, then {@code damage} applied to its metadata and tensors. */
    private Path damaged(java.util.function.BiConsumer<Map<String, String>, Map<String, Tensor>> damage) {
        Sequential trained = network(1);
        Adam adam = new Adam(trained.parameters(), 0.1);
        trained.parameters().forEach(p -> p.value().sum().backward());
        adam.step();
        Path file = dir.resolve("run.ckpt");
        Checkpoint.save(file, trained, adam, 1);
        SafetensorsContent content = Safetensors.read(file);
        Map<String, String> metadata = new LinkedHashMap<>(content.metadata());
        Map<String, Tensor> tensors = new LinkedHashMap<>(content.tensors());
        damage.accept(metadata, tensors);
        Safetensors.write(file, new SafetensorsContent(tensors, metadata));
        return file;
    }

    private static void assertRefusedUntouched(Path file, String message) {
        Sequential network = network(2);
        double[] before = network.parameters().get(0).value().toDoubleArray();
        Adam adam = new Adam(network.parameters(), 0.1);
        DescentException e = assertThrows(DescentException.class, () -> Checkpoint.restore(file, network, adam));
        assertEquals(message, e.getMessage().replace(file.toString(), "run.ckpt"));
        assertArrayEquals(before, network.parameters().get(0).value().toDoubleArray(), "weights untouched");
        assertEquals(0, adam.stepCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two", "-1"})
    void anEpochThatIsNotANumberIsRefused(String epoch) {
        Path file = damaged((metadata, tensors) -> {
            if (epoch.isEmpty()) {
                metadata.remove("epoch");
            } else {
                metadata.put("epoch", epoch);
            }
        });
        assertRefusedUntouched(file, "run.ckpt has epoch '" + (epoch.isEmpty() ? "null" : epoch)
                + "' in its metadata; expected the number of epochs done");
    }

    @Test
    void adamWithAFirstMomentButNoSecondIsRefused() {
        Path file = damaged((metadata, tensors) -> tensors.remove("optimizer.second_moment.0"));
        assertRefusedUntouched(file, "Adam state of parameter 0 is incomplete: it has only first_moment, updates;"
                + " a started parameter needs first_moment.0, second_moment.0 and updates.0 (the checkpoint is damaged)");
    }
}
