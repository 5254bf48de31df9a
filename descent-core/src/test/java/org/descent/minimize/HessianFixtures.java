package org.descent.minimize;

import com.fasterxml.jackson.databind.JsonNode;
import org.descent.Fixtures;

/** The PyTorch reference cases of {@code fixtures/hessians.json}, as plain arrays. */
final class HessianFixtures {
    private HessianFixtures() {
    }

    static JsonNode testCase(String name) {
        return Fixtures.load("hessians.json", name).node();
    }

    static double[] vector(String name, String tensor) {
        JsonNode data = testCase(name).get(tensor).get("data");
        double[] out = new double[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.get(i).asDouble();
        }
        return out;
    }

    static double[][] matrix(String name, String tensor) {
        double[] flat = vector(name, tensor);
        int n = testCase(name).get(tensor).get("shape").get(0).asInt();
        int m = flat.length / n;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * m, out[i], 0, m);
        }
        return out;
    }

    /** Largest |a − b| / max(1, |b|). */
    static double maxError(double[][] actual, double[][] expected) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, maxError(actual[i], expected[i]));
        }
        return worst;
    }

    static double maxError(double[] actual, double[] expected) {
        if (actual.length != expected.length) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
            worst = Math.max(worst, Double.isNaN(e) ? Double.POSITIVE_INFINITY : e);
        }
        return worst;
    }
}
