package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.descent.nn.LayerSpec;
import org.descent.nn.Module;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, reproducer 23: {@code Model.predict} flips the network's shared train/eval flag, so
 * predictions on one model take turns: while another holder of the network's lock (here the test)
 * has it, a prediction waits instead of switching the mode under it.
 */
class ModelPredictThreadsTest {
    @Test
    void aPredictionWaitsForTheNetworkAndRestoresItsMode() throws Exception {
        NetworkSpec spec = new NetworkSpec(2, List.of(LayerSpec.linear(3), LayerSpec.activation("relu"),
                LayerSpec.linear(2)), "multiclass", "cross-entropy", 2, List.of(), null);
        Model model = Model.create(spec, new Random(3));
        Module network = model.network();
        network.train();
        Tensor features = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        AtomicReference<Tensor> result = new AtomicReference<>();
        Thread predicting = new Thread(() -> result.set(model.predict(features)));
        synchronized (network) {
            predicting.start();
            for (int i = 0; i < 2000 && predicting.getState() != Thread.State.BLOCKED && predicting.isAlive(); i++) {
                Thread.sleep(1);
            }
            assertEquals(Thread.State.BLOCKED, predicting.getState(), "predict did not wait for the network");
            assertTrue(network.isTraining(), "the mode did not change while another holds the network");
        }
        predicting.join();
        assertEquals(features.shape().dim(0), result.get().shape().dim(0));
        assertTrue(network.isTraining(), "the mode is restored after the prediction");
    }
}
