package org.descent.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.data.Split;
import org.descent.loss.CrossEntropy;
import org.descent.nn.Linear;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.optim.Adam;
import org.descent.train.DivergenceCheck;
import org.descent.train.History;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The README's Java example, verbatim between the markers, must compile and learn. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleTrains() {
        // README example begins
        Split split = Split.of(EmbeddedData.digits(), 0.7, 0.15, 42, true);   // stratified, seeded
        Normalize scaling = Normalize.standardize(split.train());             // training statistics only
        Dataset train = scaling.apply(split.train());
        Dataset test = scaling.apply(split.test());

        Random random = new Random(42);
        Sequential model = new Sequential(
                new Linear(64, 32, random), new Relu(),
                new Linear(32, 10, random));                                  // logits; softmax is in the loss
        Trainer trainer = new Trainer(model, new CrossEntropy(), new Adam(model.parameters(), 0.01),
                Task.MULTICLASS, new TrainingConfig(15, 32, 42))             // 15 epochs, batches of 32
                .addListener(new DivergenceCheck());
        History history = trainer.fit(train, scaling.apply(split.validation()));
        System.out.println(history.last());
        System.out.println(trainer.evaluate(test).confusion());              // accuracy, precision, recall
        // README example ends
        assertEquals(15, history.epochs().size());
        assertTrue(trainer.evaluate(test).accuracy() > 0.94, "accuracy " + trainer.evaluate(test).accuracy());
    }

    @Test
    void theReadmeShowsThisExampleVerbatim() throws IOException {
        String readme = Files.readString(DocPages.ROOT.resolve("README.md"));
        String source = Files.readString(Path.of("src/test/java/org/descent/readme/ReadmeExampleTest.java"));
        String example = source.substring(source.indexOf("// README example begins\n") + 25,
                source.indexOf("        // README example ends")).replaceAll("(?m)^        ", "");
        assertTrue(readme.contains(example), "README.md must contain the example exactly as tested:\n" + example);
    }
}
