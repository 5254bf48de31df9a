package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.loss.CrossEntropy;
import org.descent.nn.LayerSpec;
import org.descent.optim.Adam;
import org.descent.train.Checkpoint;
import org.descent.train.CheckpointListener;
import org.descent.train.Task;
import org.descent.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncCheckpointTest {
    private static final Dataset IRIS = Normalize.standardize(EmbeddedData.iris()).apply(EmbeddedData.iris());
    private static final NetworkSpec NET = new NetworkSpec(4,
            List.of(LayerSpec.linear(8), LayerSpec.activation("tanh"), LayerSpec.linear(3)),
            "classification", "cross-entropy", 3, List.of(), null);
    private static final OptimizerFactory ADAM = p -> new Adam(p, 0.02);

    /** Written off the training thread, the file is byte for byte the one CheckpointListener writes on it. */
    @Test
    void writesTheSameFileAsTheSynchronousCheckpoint(@TempDir Path directory) throws Exception {
        Model model = Model.create(NET, new Random(3));
        Path async = directory.resolve("async.ckpt");
        Path sync = directory.resolve("sync.ckpt");
        AveragingTrainer trainer = new AveragingTrainer(model, CrossEntropy::new, ADAM, Task.MULTICLASS,
                new TrainingConfig(3, 16, 2), 2);
        try (AsyncCheckpoint checkpoint = new AsyncCheckpoint(async, model, ADAM)) {
            trainer.addListener(checkpoint).addListener(new CheckpointListener(sync))
                    .fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 2), null);
        }
        assertArrayEquals(Files.readAllBytes(sync), Files.readAllBytes(async));
        Model restored = Model.create(NET, new Random(77));
        assertEquals(3, Checkpoint.restore(async, restored.network(), ADAM.apply(restored.network().parameters())));
        assertEquals(Weights.sha256(model.network()), Weights.sha256(restored.network()));
    }

    @Test
    void aFailedWriteIsReportedByClose(@TempDir Path directory) throws Exception {
        Path notAFolder = Files.writeString(directory.resolve("file"), "x");
        Model model = Model.create(NET, new Random(3));
        AsyncCheckpoint checkpoint = new AsyncCheckpoint(notAFolder.resolve("run.ckpt"), model, ADAM);
        new AveragingTrainer(model, CrossEntropy::new, ADAM, Task.MULTICLASS, new TrainingConfig(1, 16, 2), 0)
                .addListener(checkpoint).fit(SparkTrainer.distribute(LocalSpark.context(), IRIS, 2), null);
        DescentException e = assertThrows(DescentException.class, checkpoint::close);
        assertTrue(e.getMessage().contains("run.ckpt"), e.getMessage());
    }
}
