package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Model files of format 1, written by the code of commit a58bf50 ({@code tools/format1}), still
 * load: the same spec, the weights bit for bit, and the predictions recorded when they were
 * written (float32 to rounding: the recording ran the scalar kernels, other kernels add in another
 * order). Saved again, they become format 2 and predict exactly as the format-1 file does.
 */
class Format1FileTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws Exception {
        return Path.of(Format1FileTest.class.getResource("/format1/" + name).toURI());
    }

    @ParameterizedTest
    @CsvSource({
            "mlp, 6 → Linear(8) → relu → Linear(5) → sigmoid → Linear(3) → log_softmax, FLOAT32",
            "regression_f64, 3 → Linear(4) → tanh → Linear(4) → softplus → Linear(2) → identity → softmax, FLOAT64",
            "binary, 4 → Linear(3) → tanh → Linear(1), FLOAT32"})
    void loadsAndPredictsAsWhenItWasWritten(String name, String architecture, DType dtype) throws Exception {
        Path file = resource(name + ".safetensors");
        assertEquals("1", Safetensors.read(file).metadata().get(ModelFile.FORMAT_KEY));
        Model model = ModelFile.load(file);
        assertEquals(architecture, model.spec().architecture());
        Safetensors.read(file).tensors().forEach((tensor, saved) -> {
            Tensor loaded = model.network().state().get(tensor);
            assertEquals(dtype, loaded.dtype(), tensor);
            assertArrayEquals(saved.toDoubleArray(), loaded.toDoubleArray(), 0.0, tensor);
        });

        List<double[]> inputs = rows(name, "input");
        List<double[]> outputs = rows(name, "output");
        Tensor x = tensor(inputs, dtype);
        Tensor y = model.predict(x);
        double tolerance = dtype == DType.FLOAT32 ? 1e-6 : 1e-12;
        for (int r = 0; r < outputs.size(); r++) {
            for (int c = 0; c < outputs.get(r).length; c++) {
                double want = outputs.get(r)[c];
                assertEquals(want, y.get(r * outputs.get(r).length + c), tolerance * Math.max(1, Math.abs(want)),
                        name + " output " + r + "," + c);
            }
        }

        Path again = dir.resolve(name + ".safetensors");
        ModelFile.save(again, model);
        assertEquals(ModelFile.FORMAT_VERSION, Safetensors.read(again).metadata().get(ModelFile.FORMAT_KEY));
        assertTrue(Safetensors.read(again).metadata().get(ModelFile.SPEC_KEY).contains("{\"kind\":\"linear\",\"out\":"));
        Model reloaded = ModelFile.load(again);
        assertEquals(model.spec(), reloaded.spec());
        assertArrayEquals(y.toDoubleArray(), reloaded.predict(x).toDoubleArray(), 0.0, "format 2 predicts as format 1");
    }

    private static List<double[]> rows(String name, String label) throws Exception {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(resource(name + ".expected"))) {
            String[] parts = line.trim().split(" ");
            if (parts[0].equals(label)) {
                double[] row = new double[parts.length - 1];
                for (int i = 1; i < parts.length; i++) {
                    row[i - 1] = Double.parseDouble(parts[i]);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Tensor tensor(List<double[]> rows, DType dtype) {
        int cols = rows.get(0).length;
        double[] values = new double[rows.size() * cols];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * cols, cols);
        }
        return Tensor.of(values, rows.size(), cols).copy(dtype);
    }
}
