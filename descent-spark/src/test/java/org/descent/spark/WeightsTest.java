package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.descent.DescentException;
import org.descent.nn.Buffer;
import org.descent.nn.Linear;
import org.descent.nn.Module;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class WeightsTest {

    /** A layer with a buffer (non-trained state), as BatchNorm's running statistics would be. */
    private static final class Scaled extends Module {
        final Buffer scale;

        Scaled(float value) {
            scale = addBuffer("scale", Tensor.of(new float[] {value, -value}, 2));
        }

        @Override
        public Tensor forward(Tensor input) {
            return input.mul(scale.value());
        }
    }

    @Test
    void buffersTravelWithTheWeights() {
        Sequential driver = new Sequential(new Linear(3, 2, new Random(1)), new Scaled(0.25f));
        Sequential executor = new Sequential(new Linear(3, 2, new Random(8)), new Scaled(1));
        Weights.load(Weights.encode(driver), executor, "test state");
        assertArrayEquals(new float[] {0.25f, -0.25f}, ((Scaled) executor.layers().get(1)).scale.value().floatData());
        driver.state().forEach((name, t) -> assertArrayEquals(t.floatData(), executor.state().get(name).floatData(), name));
    }

    @Test
    void theBroadcastWeightsArriveBitwise() {
        Sequential driver = new Sequential(new Linear(3, 4, new Random(1)), new Relu(), new Linear(4, 2, new Random(2)));
        Sequential executor = new Sequential(new Linear(3, 4, new Random(8)), new Relu(), new Linear(4, 2, new Random(9)));
        Weights.load(Weights.encode(driver), executor, "test weights");
        driver.namedParameters().forEach((name, p) -> assertArrayEquals(p.value().floatData(),
                executor.namedParameters().get(name).value().floatData(), name));
    }

    @Test
    void weightsOfAnotherArchitectureAreRefused() {
        Sequential small = new Sequential(new Linear(3, 4, new Random(1)));
        Sequential deeper = new Sequential(new Linear(3, 4, new Random(1)), new Relu(), new Linear(4, 2, new Random(2)));
        DescentException e = assertThrows(DescentException.class,
                () -> Weights.load(Weights.encode(small), deeper, "the state of step 3"));
        assertTrue(e.getMessage().startsWith("the state of step 3: no tensor for parameter 'layers.2.weight' of shape [2, 4]; it holds [layers.0.weight, layers.0.bias]"), e.getMessage());
    }
}
