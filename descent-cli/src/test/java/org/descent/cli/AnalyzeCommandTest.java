package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code descent analyze} on a 4-4-3 network (35 parameters) trained on iris in the test. */
class AnalyzeCommandTest {
    @TempDir
    static Path folder;
    static Path model;

    @BeforeAll
    static void train() {
        model = folder.resolve("iris.safetensors");
        CliRun run = CliRun.of("train", "--data", "iris", "--layers", "4", "--activation", "tanh", "--epochs", "30",
                "--quiet", "--out", model.toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void reportsTheFullSpectrumAndAVerdict() {
        CliRun run = CliRun.of("analyze", "--model", model.toString(), "--data", "iris");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith(model + " on iris: 4 → Linear(4) → tanh → Linear(3), cross_entropy loss"),
                run.out());
        assertTrue(run.out().contains("on 105 of 105 training samples (float64)"), run.out());
        assertEquals("35", run.field("parameters:"));
        double[] spectrum = CliRun.vector(run.field("spectrum:"));
        assertEquals(35, spectrum.length);
        double min = Double.parseDouble(run.field("lambda_min:"));
        double max = Double.parseDouble(run.field("lambda_max:"));
        // Lanczos on Hessian-vector products agrees with the dense Hessian's extreme eigenvalues.
        assertEquals(spectrum[0], min, 1e-5 * Math.max(1, Math.abs(min)));
        assertEquals(spectrum[34], max, 1e-5 * max);
        assertTrue(max > 0, run.out());
        assertTrue(Double.parseDouble(run.field("|grad loss|:")) > 0, run.out());
        assertTrue(run.field("verdict:").matches("(MINIMUM|SADDLE|DEGENERATE|MAXIMUM): .+"), run.out());
    }

    @Test
    void aSubsetOfSamplesGivesAnotherLoss() {
        CliRun all = CliRun.of("analyze", "--model", model.toString(), "--data", "iris");
        CliRun some = CliRun.of("analyze", "--model", model.toString(), "--data", "iris", "--samples", "10");
        assertEquals(0, some.exitCode(), some.err());
        assertTrue(some.out().contains("on 10 of 105 training samples"), some.out());
        assertTrue(!all.field("loss:").equals(some.field("loss:")), some.out());
    }

    @Test
    void dataThatDoesNotFitTheModelIsOneLine() {
        CliRun run = CliRun.of("analyze", "--model", model.toString(), "--data", "breast-cancer");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("descent: " + model + " expects 4 input features but breast-cancer has 30"),
                run.err());
    }

    @Test
    void aMulticlassModelRefusesPositiveClass() {
        CliRun run = CliRun.of("analyze", "--model", model.toString(), "--data", "iris", "--positive-class", "1");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().endsWith("is a multiclass model; drop --positive-class\n"), run.err());
    }

    @Test
    void aMissingModelFileIsOneLine() {
        CliRun run = CliRun.of("analyze", "--model", folder.resolve("none.safetensors").toString(), "--data", "iris");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("descent: "), run.err());
    }

    @Test
    void negativeSamplesAreRefused() {
        CliRun run = CliRun.of("analyze", "--model", model.toString(), "--data", "iris", "--samples", "-5");
        assertEquals(2, run.exitCode());
        assertEquals("descent: --samples must be ≥ 0 (0 = all training samples), got -5", run.errLines()[0]);
    }
}
