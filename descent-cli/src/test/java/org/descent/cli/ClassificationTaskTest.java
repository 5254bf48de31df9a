package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.io.ModelFile;
import org.descent.io.NetworkSpec;
import org.descent.nn.LayerSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, reproducer 9: the model file the README's ModelFile example writes works with predict and evaluate. */
class ClassificationTaskTest {
    @TempDir
    Path dir;

    private Path readmeModel(String task) {
        NetworkSpec spec = new NetworkSpec(4,
                List.of(LayerSpec.linear(8), LayerSpec.activation("relu"), LayerSpec.linear(3)),
                task, "cross-entropy", 3, List.of("setosa", "versicolor", "virginica"),
                Normalize.standardize(new double[] {5.8, 3.1, 3.8, 1.2}, new double[] {0.8, 0.4, 1.8, 0.8}));
        Path file = dir.resolve(task + ".safetensors");
        ModelFile.save(file, Model.create(spec, new Random(42)));
        return file;
    }

    @Test
    void aClassificationModelPredictsAndEvaluates() throws IOException {
        Path model = readmeModel("classification");
        Path csv = Files.writeString(dir.resolve("x.csv"), "5.1,3.5,1.4,0.2\n6.3,3.3,6.0,2.5\n");
        CliRun predict = CliRun.of("predict", "--model", model.toString(), "--input", csv.toString());
        assertEquals(0, predict.exitCode(), predict.err());
        CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", "iris");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.out().contains("test samples"), evaluate.out());
    }

    @Test
    void anUnknownTaskIsOneLineNamingTheFile() throws IOException {
        Path model = readmeModel("ranking");
        Path csv = Files.writeString(dir.resolve("x.csv"), "5.1,3.5,1.4,0.2\n");
        CliRun run = CliRun.of("predict", "--model", model.toString(), "--input", csv.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("descent: " + model + ": unknown task 'ranking'; expected regression, binary, multiclass or"
                + " classification (= multiclass)", run.err().strip());
    }
}
