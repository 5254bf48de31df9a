package org.descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.io.Safetensors;
import org.descent.loss.CrossEntropy;
import org.descent.nn.Linear;
import org.descent.nn.Sequential;
import org.descent.nn.Tanh;
import org.descent.optim.Adam;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint written by the code before the state map ({@code tools/format1/WriteCheckpoint.java},
 * commit a58bf50) restores: its weights and Adam's moments come back bit for bit, and training resumes.
 */
class Format1CheckpointTest {

    @Test
    void aCheckpointOfTheFormat1CodeRestoresAndResumes() throws Exception {
        Path file = Path.of(Format1CheckpointTest.class.getResource("/format1/iris-adam.ckpt").toURI());
        Random random = new Random(9);
        Sequential net = new Sequential(new Linear(4, 5, random), new Tanh(), new Linear(5, 3, random));
        Adam adam = new Adam(net.parameters(), 0.01);
        assertEquals(2, Checkpoint.restore(file, net, adam));

        Map<String, Tensor> saved = Safetensors.read(file).tensors();
        net.state().forEach((name, t) -> assertArrayEquals(saved.get("model." + name).floatData(), t.floatData(), name));
        adam.state().forEach((name, t) -> assertArrayEquals(saved.get("optimizer." + name).toDoubleArray(),
                t.toDoubleArray(), 0.0, name));

        Dataset iris = EmbeddedData.iris();
        History rest = new Trainer(net, new CrossEntropy(), adam, Task.MULTICLASS, new TrainingConfig(3, 16, 1))
                .fit(Normalize.standardize(iris).apply(iris), null, 2);
        assertEquals(3, rest.last().epoch());
        assertEquals(3.0 * Math.ceil(iris.size() / 16.0), adam.state().get("step_count").get(0));
    }
}
