package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.descent.data.Dataset;
import org.descent.io.Safetensors;
import org.descent.io.SafetensorsContent;
import org.descent.loss.L2Loss;
import org.descent.nn.Linear;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.optim.Adam;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class StateBytesTest {

    @Test
    void adamsStateTravelsBitwiseAtAboutHalfTheSize() {
        Sequential network = new Sequential(new Linear(30, 64, new Random(1)), new Relu(), new Linear(64, 3, new Random(2)));
        Adam adam = new Adam(network.parameters(), 0.01);
        Random random = new Random(3);
        float[] x = new float[40 * 30];
        float[] y = new float[40 * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) random.nextGaussian();
        }
        new Trainer(network, new L2Loss(), adam, Task.REGRESSION, new TrainingConfig(2, 8, 4))
                .fit(Dataset.regression(Tensor.of(x, 40, 30), Tensor.of(y, 40, 3)), null);
        Map<String, Tensor> state = adam.state();
        byte[] bytes = StateBytes.encode(state);
        assertSameBits(state, StateBytes.decode(bytes, "test state"));
        int plain = Safetensors.encode(new SafetensorsContent(state)).length;
        assertTrue(bytes.length < 0.6 * plain, bytes.length + " bytes against " + plain);
    }

    @Test
    void float64ValuesThatAreNotFloatsStayFloat64() {
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("exact", Tensor.of(new double[] {0.5, -0.0, 3, Double.NaN, Double.NEGATIVE_INFINITY}, 5));
        state.put("not.exact", Tensor.of(new double[] {0.5, 0.1}, 2));
        state.put("float32", Tensor.of(new float[] {0.1f, -2}, 2));
        byte[] bytes = StateBytes.encode(state);
        assertEquals("exact", Safetensors.decode(bytes, "test").metadata().get(StateBytes.NARROWED));
        assertSameBits(state, StateBytes.decode(bytes, "test"));
    }

    @Test
    void plainSafetensorsBytesReadAsTheyAre() {
        Map<String, Tensor> state = Map.of("w", Tensor.of(new double[] {0.25, 1}, 2));
        assertSameBits(state, StateBytes.decode(Safetensors.encode(new SafetensorsContent(state)), "test"));
    }

    private static void assertSameBits(Map<String, Tensor> expected, Map<String, Tensor> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, tensor) -> {
            Tensor other = actual.get(name);
            assertEquals(tensor.dtype(), other.dtype(), name);
            assertEquals(tensor.shape(), other.shape(), name);
            for (int i = 0; i < tensor.size(); i++) {
                long bits = tensor.dtype() == DType.FLOAT64 ? Double.doubleToRawLongBits(tensor.doubleData()[i])
                        : Float.floatToRawIntBits(tensor.floatData()[i]);
                long otherBits = other.dtype() == DType.FLOAT64 ? Double.doubleToRawLongBits(other.doubleData()[i])
                        : Float.floatToRawIntBits(other.floatData()[i]);
                assertEquals(bits, otherBits, name + "[" + i + "]");
            }
        });
    }
}
