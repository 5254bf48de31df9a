package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.nn.LayerSpec;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.loss.CrossEntropy;
import org.descent.optim.Adam;
import org.descent.train.Evaluation;
import org.descent.train.History;
import org.descent.train.Task;
import org.descent.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The Spark example of docs/SPARK.md, verbatim between the markers, must compile and learn. */
class SparkReadmeExampleTest {

    @Test
    void theReadmeExampleTrainsOnSpark() {
        JavaSparkContext spark = LocalSpark.context();
        // README Spark example begins
        Dataset digits = EmbeddedData.digits();
        Dataset train = Normalize.standardize(digits).apply(digits);
        NetworkSpec spec = new NetworkSpec(64, List.of(LayerSpec.linear(32), LayerSpec.activation("relu"),
                LayerSpec.linear(10)), "classification", "cross-entropy", 10, List.of(), null);
        Model model = Model.create(spec, new Random(42));                    // the weights live on the driver

        SparkTrainer trainer = new SparkTrainer(model, CrossEntropy::new,     // the loss, made on each executor
                new Adam(model.network().parameters(), 0.01),                  // any optimizer, run on the driver
                new TrainingConfig(3, 128, 42));                                // 3 epochs, global batches of 128
        History history = trainer.fit(SparkTrainer.distribute(spark, train, 4));   // an RDD of 4 partitions
        System.out.println(history.last());
        // README Spark example ends
        assertEquals(3, history.epochs().size());
        double accuracy = Evaluation.of(model.network(), new CrossEntropy(), Task.MULTICLASS, train).accuracy();
        assertTrue(accuracy > 0.9, "training accuracy " + accuracy);
    }

    @Test
    void theReadmeShowsThisExampleVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/descent/spark/SparkReadmeExampleTest.java"));
        String begin = "// README Spark example begins\n";
        String example = source.substring(source.indexOf(begin) + begin.length(),
                source.indexOf("        // README Spark example ends")).replaceAll("(?m)^        ", "");
        assertTrue(Files.readString(Path.of("..", "docs", "SPARK.md")).contains(example),
                "docs/SPARK.md must contain the example exactly as tested:\n" + example);
    }
}
