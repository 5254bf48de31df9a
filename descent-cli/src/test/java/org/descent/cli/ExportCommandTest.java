package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.io.ModelFile;
import org.descent.io.NetworkSpec;
import org.descent.nn.LayerSpec;
import org.descent.onnx.OnnxExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code descent export --format onnx} writes what {@link OnnxExport} writes; bad calls are one line. */
class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportsAModelFileAsOnnx() throws Exception {
        NetworkSpec spec = new NetworkSpec(4, List.of(LayerSpec.linear(8), LayerSpec.activation("relu"),
                LayerSpec.linear(3)), "multiclass", "cross_entropy", 3, List.of(),
                Normalize.standardize(EmbeddedData.iris()));
        Model model = Model.create(spec, new Random(1));
        Path file = dir.resolve("iris.safetensors");
        ModelFile.save(file, model);
        Path out = dir.resolve("iris.onnx");
        CliRun run = CliRun.of("export", "--model", file.toString(), "--format", "onnx", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("wrote " + out + ": ONNX opset 17, input 'input' [batch, 4], output 'output' [batch, 3]"
                + " (4 → Linear(8) → relu → Linear(3))\n", run.out());
        assertArrayEquals(OnnxExport.toBytes(ModelFile.load(file)), Files.readAllBytes(out));
    }

    @Test
    void anUnknownFormatOrAMissingModelIsOneLine() {
        CliRun run = CliRun.of("export", "--model", dir.resolve("m.safetensors").toString(), "--format", "tflite",
                "--out", dir.resolve("m.x").toString());
        assertEquals(2, run.exitCode());
        assertEquals(List.of("descent: unknown export format 'tflite'; the formats are [onnx]"), List.of(run.errLines()));
        run = CliRun.of("export", "--model", dir.resolve("absent.safetensors").toString(), "--out",
                dir.resolve("m.onnx").toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertFalse(Files.exists(dir.resolve("m.onnx")));
    }

    @Test
    void importsItsExportBackAndRefusesACorruptFile() throws Exception {
        NetworkSpec spec = new NetworkSpec(4, List.of(LayerSpec.linear(3)), "regression", "l2", 0, List.of(), null);
        Path onnx = dir.resolve("m.onnx");
        OnnxExport.write(Model.create(spec, new Random(2)), onnx);
        Path back = dir.resolve("back.safetensors");
        CliRun run = CliRun.of("import", onnx.toString(), "--out", back.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("wrote " + back + ": 4 → Linear(3), task regression\n", run.out());
        assertEquals(spec, ModelFile.load(back).spec());
        Path broken = dir.resolve("broken.onnx");
        Files.write(broken, new byte[] {1, 2, 3, 4, 5});
        run = CliRun.of("import", broken.toString(), "--out", dir.resolve("x.safetensors").toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("descent: " + broken + " is not an ONNX model"), run.err());
    }

    @Test
    void anImportedModelRefusesDataWithOtherFeaturesInOneLine() throws Exception {
        NetworkSpec spec = new NetworkSpec(64, List.of(LayerSpec.linear(10), LayerSpec.activation("softmax")), "multiclass",
                "cross_entropy", 10, List.of(), null);
        Path onnx = dir.resolve("digits.onnx");
        OnnxExport.write(Model.create(spec, new Random(3)), onnx);
        Path model = dir.resolve("digits.safetensors");
        assertEquals(0, CliRun.of("import", onnx.toString(), "--out", model.toString()).exitCode());
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", "iris");
        assertEquals(2, run.exitCode());
        assertEquals(List.of("descent: " + model + " expects 64 input features but iris has 4 (64 → Linear(10) → softmax);"
                + " use the data it was trained with"), List.of(run.errLines()));
        Path rows = Files.writeString(dir.resolve("flowers.csv"), "5.1,3.5,1.4,0.2\n");
        run = CliRun.of("predict", "--model", model.toString(), "--input", rows.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertEquals(List.of("descent: " + rows + ": rows have 4 columns but the model expects 64 features"),
                List.of(run.errLines()));
    }
}
