package org.descent.readme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.io.ModelFile;
import org.descent.io.NetworkSpec;
import org.descent.nn.LayerSpec;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model-file example of the docs (docs/MODEL-FORMAT.md), verbatim between the markers, prints what the page shows. */
class ModelFileExampleTest {

    @TempDir
    Path dir;

    @Test
    void theExamplePrintsWhatTheReadmeShows() throws IOException {
        Path file = dir.resolve("iris.safetensors");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // README example begins
            NetworkSpec spec = new NetworkSpec(4,
                    List.of(LayerSpec.linear(8), LayerSpec.activation("relu"), LayerSpec.linear(3)),
                    "classification", "cross-entropy", 3, List.of("setosa", "versicolor", "virginica"),
                    Normalize.standardize(new double[] {5.8, 3.1, 3.8, 1.2}, new double[] {0.8, 0.4, 1.8, 0.8}));
            Model model = Model.create(spec, new Random(42));          // or new Model(spec, trainedSequential)
            ModelFile.save(file, model);                                // file = Path.of("iris.safetensors")

            Model loaded = ModelFile.load(file);
            System.out.println(loaded.spec().architecture());
            System.out.println(loaded.network());
            System.out.println(loaded.predict(Tensor.of(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, 1, 4)));
            // README example ends
        } finally {
            System.setOut(console);
        }
        String source = Files.readString(Path.of("src/test/java/org/descent/readme/ModelFileExampleTest.java"));
        String example = source.substring(source.indexOf("// README example begins\n") + 25,
                source.indexOf("            // README example ends")).replaceAll("(?m)^            ", "");
        String page = DocPages.pageContaining("```java\n" + example + "```\n", "the model-file example as tested");
        String output = printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        assertTrue(page.contains(example + "```\n\nprints\n\n```\n" + output + "```\n"),
                "the page of the model-file example must show what it prints:\n" + output);
    }
}
