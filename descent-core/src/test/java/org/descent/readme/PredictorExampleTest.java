package org.descent.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.data.Split;
import org.descent.io.Model;
import org.descent.io.ModelFile;
import org.descent.io.NetworkSpec;
import org.descent.io.Prediction;
import org.descent.io.Predictor;
import org.descent.io.Topology;
import org.descent.loss.CrossEntropy;
import org.descent.nn.Linear;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.optim.Adam;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Predictor example (after its training example), verbatim between the markers, must run. */
class PredictorExampleTest {
    @TempDir
    Path dir;

    @Test
    void theReadmePredictorExampleRuns() {
        Split split = Split.of(EmbeddedData.digits(), 0.7, 0.15, 42, true);
        Normalize scaling = Normalize.standardize(split.train());
        Dataset train = scaling.apply(split.train());
        Random random = new Random(42);
        Sequential model = new Sequential(new Linear(64, 32, random), new Relu(), new Linear(32, 10, random));
        new Trainer(model, new CrossEntropy(), new Adam(model.parameters(), 0.01), Task.MULTICLASS,
                new TrainingConfig(5, 32, 42)).fit(train, scaling.apply(split.validation()));
        Path file = dir.resolve("digits.safetensors");
        // README predictor begins
        NetworkSpec spec = new NetworkSpec(64, Topology.of(model).layers(), "multiclass", "cross_entropy", 10,
                List.of(), scaling);                                          // the raw inputs' normalization
        ModelFile.save(file, new Model(spec, model));                         // file = Path.of("digits.safetensors")

        Predictor predictor = Predictor.load(file);                           // thread-safe: share it
        double[] pixels = Arrays.copyOf(split.test().features().toDoubleArray(), 64);   // one raw row
        Prediction p = predictor.predict(pixels);
        System.out.println(p.className() + " with probability " + p.confidence());
        // README predictor ends
        assertEquals(String.valueOf(split.test().label(0)), p.className());
        assertTrue(p.confidence() > 0.5, "confidence " + p.confidence());
    }

    @Test
    void theReadmeShowsThisExampleVerbatim() throws IOException {
        String readme = Files.readString(DocPages.ROOT.resolve("README.md"));
        String source = Files.readString(Path.of("src/test/java/org/descent/readme/PredictorExampleTest.java"));
        String example = source.substring(source.indexOf("// README predictor begins\n") + 27,
                source.indexOf("        // README predictor ends")).replaceAll("(?m)^        ", "");
        assertTrue(readme.contains(example), "README.md must contain the example exactly as tested:\n" + example);
    }
}
