package org.descent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.descent.tensor.ShapeException;
import org.junit.jupiter.api.Test;

/** Build-time shape checks and the printout of a stack of layers with activations. */
class SequentialTest {
    private final Random random = new Random(3);

    @Test
    void mismatchedLayerIsRefusedWhenBuilt() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new Sequential(new Linear(4, 6, random), new Relu(), new Linear(5, 3, random)));
        String message = e.getMessage();
        assertTrue(message.contains("layers.2"), message);
        assertTrue(message.contains("expects 5") && message.contains("gets 6"), message);
    }

    @Test
    void printsTheLayers() {
        Sequential net = new Sequential(new Linear(4, 6, random), new Tanh(), new Linear(6, 3, random),
                new Softmax());
        String expected = """
                Sequential(
                  (0): Linear(in=4, out=6)
                  (1): Tanh()
                  (2): Linear(in=6, out=3)
                  (3): Softmax()
                )""";
        assertEquals(expected, net.toString());
        assertEquals(3, net.outputSize(4));
    }
}
