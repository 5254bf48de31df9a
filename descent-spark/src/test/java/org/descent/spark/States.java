package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.descent.nn.Module;
import org.descent.tensor.Tensor;

/** Comparisons of two networks' whole states (parameters and buffers) for the tests. */
final class States {
    private States() {
    }

    /** Every value within {@code relative} of the largest magnitude of its tensor: float32 rounding, not another run. */
    static void assertClose(Module expected, Module actual, double relative) {
        Map<String, Tensor> got = actual.state();
        expected.state().forEach((name, t) -> {
            double[] want = t.toDoubleArray();
            double[] have = got.get(name).toDoubleArray();
            double scale = 0;
            for (double w : want) {
                scale = Math.max(scale, Math.abs(w));
            }
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], have[i], relative * scale, name + "[" + i + "]");
            }
        });
    }

    /** The largest difference of any value of the two states. */
    static double largestDifference(Module a, Module b) {
        Map<String, Tensor> other = b.state();
        double largest = 0;
        for (Map.Entry<String, Tensor> entry : a.state().entrySet()) {
            double[] x = entry.getValue().toDoubleArray();
            double[] y = other.get(entry.getKey()).toDoubleArray();
            for (int i = 0; i < x.length; i++) {
                largest = Math.max(largest, Math.abs(x[i] - y[i]));
            }
        }
        return largest;
    }
}
