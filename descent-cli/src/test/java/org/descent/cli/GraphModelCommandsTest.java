package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.io.ModelFile;
import org.descent.io.NetworkSpec;
import org.descent.io.Topology;
import org.descent.loss.CrossEntropy;
import org.descent.nn.Combine;
import org.descent.nn.Graph;
import org.descent.nn.Linear;
import org.descent.nn.Tanh;
import org.descent.optim.Adam;
import org.descent.tensor.Tensor;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link Graph} network (a skip connection from the input to the output layer) trained in Java
 * and saved as a model file works with {@code descent predict}, {@code evaluate} and
 * {@code analyze}, like a network the CLI trained.
 */
class GraphModelCommandsTest {
    @TempDir
    static Path dir;
    static Path file;
    static Model model;

    @BeforeAll
    static void trainAndSave() {
        Dataset iris = EmbeddedData.iris();
        Normalize normalize = Normalize.standardize(iris);
        Random random = new Random(3);
        Graph graph = Graph.builder(4)
                .add("h", new Linear(4, 8, random), "input")
                .add("a", new Tanh(), "h")
                .add("out", new Linear(12, 3, random), Combine.CONCAT, "input", "a")
                .build();
        new Trainer(graph, new CrossEntropy(), new Adam(graph.parameters(), 0.02), Task.MULTICLASS,
                new TrainingConfig(40, 16, 1)).fit(normalize.apply(iris), null);
        NetworkSpec spec = new NetworkSpec(4, Topology.of(graph), "multiclass", new CrossEntropy().name(), 3,
                iris.classNames(), normalize, 0);
        model = new Model(spec, graph);
        file = dir.resolve("graph.safetensors");
        ModelFile.save(file, model);
    }

    @Test
    void predictGivesWhatTheGraphInJavaPredicts() throws IOException {
        Path input = dir.resolve("flowers.csv");
        Files.writeString(input, "5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n5.9,2.8,4.3,1.3\n");
        CliRun run = CliRun.of("predict", "--model", file.toString(), "--input", input.toString());
        assertEquals(0, run.exitCode(), run.err());
        Tensor x = Tensor.of(new float[] {5.1f, 3.5f, 1.4f, 0.2f, 6.7f, 3.0f, 5.2f, 2.3f, 5.9f, 2.8f, 4.3f, 1.3f}, 3, 4);
        assertEquals(PredictionCsv.format(Task.MULTICLASS, model.predict(x), model.spec().classNames()), run.out());
        assertTrue(run.out().startsWith("class,name,p0,p1,p2\n0,setosa,"), run.out());
    }

    @Test
    void evaluateReportsTheAccuracy() {
        CliRun run = CliRun.of("evaluate", "--model", file.toString(), "--data", "iris");
        assertEquals(0, run.exitCode(), run.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("accuracy (\\d\\.\\d{4})").matcher(run.out());
        assertTrue(m.find(), run.out());
        assertTrue(Double.parseDouble(m.group(1)) >= 0.85, run.out());
    }

    @Test
    void analyzeNamesTheGraphAndCountsItsParameters() {
        CliRun run = CliRun.of("analyze", "--model", file.toString(), "--data", "iris", "--samples", "20");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith(file + " on iris: 4 → graph(h: Linear(8) ← input, a: tanh ← h, "
                + "out: Linear(3) ← concat(input, a)), cross_entropy loss"), run.out());
        assertEquals(String.valueOf(4 * 8 + 8 + 12 * 3 + 3), run.field("parameters:"));
    }
}
