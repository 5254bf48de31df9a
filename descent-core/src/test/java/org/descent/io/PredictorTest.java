package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.nn.LayerSpec;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictorTest {
    @TempDir
    Path dir;

    private static final Dataset DIGITS = EmbeddedData.digits();

    private static double[][] rows(Dataset data, int from, int n) {
        int d = data.featureCount();
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                rows[i][j] = data.features().get((from + i) * d + j);
            }
        }
        return rows;
    }

    private Path digitsModel() {
        NetworkSpec spec = new NetworkSpec(64, List.of(LayerSpec.linear(32), LayerSpec.activation("relu"),
                LayerSpec.linear(10)), "multiclass", "cross_entropy", 10, List.of("0", "1", "2", "3", "4", "5", "6",
                "7", "8", "9"), Normalize.standardize(DIGITS));
        Path file = dir.resolve("digits.safetensors");
        ModelFile.save(file, Model.create(spec, new Random(4)));
        return file;
    }

    @Test
    void probabilitiesAndClassesAreSoftmaxAndArgmaxOfModelPredict() {
        Path file = digitsModel();
        Predictor predictor = Predictor.load(file);
        Model model = ModelFile.load(file);
        double[][] rows = rows(DIGITS, 0, 50);
        List<Prediction> predictions = predictor.predict(rows);
        Tensor logits = model.predict(Tensor.of(flat(rows), 50, 64));
        for (int i = 0; i < 50; i++) {
            Prediction p = predictions.get(i);
            double sum = 0;
            int best = 0;
            for (int c = 0; c < 10; c++) {
                assertEquals(logits.get(i * 10 + c), p.values()[c], 0.0, "logit " + c + " of row " + i);
                sum += p.probabilities()[c];
                best = logits.get(i * 10 + c) > logits.get(i * 10 + best) ? c : best;
            }
            assertEquals(1.0, sum, 1e-12);
            assertEquals(best, p.classIndex());
            assertEquals(String.valueOf(best), p.className());
            // One row alone runs another GEMM path than a batch: equal up to float32 rounding.
            assertArrayEquals(p.probabilities(), predictor.predict(rows[i]).probabilities(), 1e-6);
        }
    }

    @Test
    void eightThreadsGetWhatOneThreadGets() throws Exception {
        Predictor predictor = Predictor.load(digitsModel());
        double[][] rows = rows(DIGITS, 0, 400);
        List<Prediction> expected = new ArrayList<>();
        for (double[] row : rows) {
            expected.add(predictor.predict(row));
        }
        List<Prediction> expectedBatch = predictor.predict(rows);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t * 50;
                futures.add(pool.submit(() -> {
                    int mismatches = 0;
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < rows.length; i++) {
                            int k = (i + offset) % rows.length;
                            mismatches += predictor.predict(rows[k]).equals(expected.get(k)) ? 0 : 1;
                        }
                        List<Prediction> batch = predictor.predict(rows);
                        for (int k = 0; k < rows.length; k++) {
                            mismatches += batch.get(k).equals(expectedBatch.get(k)) ? 0 : 1;
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> f : futures) {
                assertEquals(0, f.get(), "predictions that differ from the single-threaded ones");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void doesNotTouchTheModelsTrainingMode() {
        Model model = Model.create(new NetworkSpec(64, List.of(LayerSpec.linear(10)), "multiclass", "cross_entropy",
                10, List.of(), null), new Random(1));
        model.network().train();
        Predictor predictor = Predictor.of(model);
        predictor.predict(rows(DIGITS, 0, 3));
        assertTrue(model.network().isTraining());
        model.network().eval();
        model.network().state().get("layers.0.bias").set(0, 100);
        // The predictor keeps the weights it was made with.
        assertFalse(predictor.predict(rows(DIGITS, 0, 1)[0]).values()[0] > 50);
    }

    @Test
    void regressionGivesValuesAndBinaryTwoProbabilities() {
        Dataset diabetes = EmbeddedData.diabetes();
        int d = diabetes.featureCount();
        Predictor regression = Predictor.of(Model.create(new NetworkSpec(d, List.of(LayerSpec.linear(1)), "regression",
                "l2", 0, List.of(), Normalize.standardize(diabetes)), new Random(2)));
        Prediction value = regression.predict(rows(diabetes, 0, 1)[0]);
        assertEquals(-1, value.classIndex());
        assertNull(value.className());
        assertEquals(0, value.probabilities().length);
        assertEquals(1, value.values().length);
        Predictor binary = Predictor.of(Model.create(new NetworkSpec(64, List.of(LayerSpec.linear(1)), "binary",
                "bce_with_logits", 2, List.of("no", "yes"), null), new Random(2)));
        Prediction p = binary.predict(rows(DIGITS, 0, 1)[0]);
        assertEquals(1 / (1 + Math.exp(-p.values()[0])), p.probabilities()[1], 1e-15);
        assertEquals(p.values()[0] >= 0 ? "yes" : "no", p.className());
    }

    @Test
    void aRowOfTheWrongSizeIsOneLine() {
        Predictor predictor = Predictor.load(digitsModel());
        DescentException e = assertThrows(DescentException.class, () -> predictor.predict(new double[] {1, 2, 3}));
        assertEquals("the model expects 64 features per row (64 → Linear(32) → relu → Linear(10)), but row 0 has 3",
                e.getMessage());
    }

    private static float[] flat(double[][] rows) {
        float[] f = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                f[i * rows[i].length + j] = (float) rows[i][j];
            }
        }
        return f;
    }

    @Test
    void softmaxLastLayerIsTakenAsProbabilities() {
        Predictor predictor = Predictor.of(Model.create(new NetworkSpec(64, List.of(LayerSpec.linear(10),
                LayerSpec.activation("softmax")), "multiclass", "cross_entropy", 10, List.of(), null), new Random(3)));
        Prediction p = predictor.predict(rows(DIGITS, 5, 1)[0]);
        assertArrayEquals(p.values(), p.probabilities(), 0.0);
    }
}
