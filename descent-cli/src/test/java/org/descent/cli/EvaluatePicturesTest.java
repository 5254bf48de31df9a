package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --plot/--percent/--errors} from the command line, and their refusals. */
class EvaluatePicturesTest {
    @TempDir
    Path dir;

    @Test
    void aRegressionModelGetsItsPlot() throws Exception {
        Path model = dir.resolve("diabetes.safetensors");
        assertEquals(0, CliRun.of("train", "--data", "diabetes", "--layers", "8", "--epochs", "3", "--quiet",
                "--out", model.toString()).exitCode());
        Path png = dir.resolve("reg.png");
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", "diabetes", "--plot", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().endsWith("wrote " + png + "\n"), run.out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1120, image.getWidth());
        CliRun percent = CliRun.of("evaluate", "--model", model.toString(), "--data", "diabetes", "--plot",
                png.toString(), "--percent");
        assertEquals(2, percent.exitCode());
        assertEquals("descent: --percent applies to a classifier's confusion matrix; " + model + " is a regression model",
                percent.err().strip());
    }

    @Test
    void errorsNeedImagesAndPercentNeedsAPlot() {
        Path model = dir.resolve("iris.safetensors");
        assertEquals(0, CliRun.of("train", "--data", "iris", "--layers", "4", "--epochs", "2", "--quiet",
                "--out", model.toString()).exitCode());
        Path png = dir.resolve("errors.png");
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", "iris", "--errors", png.toString());
        assertEquals(2, run.exitCode());
        assertEquals("descent: --errors draws misclassified images: it needs a classifier on image data (8×8 digits,"
                + " 28×28 Fashion-MNIST), but iris has 4 features", run.err().strip());
        assertTrue(!Files.exists(png));
        CliRun percent = CliRun.of("evaluate", "--model", model.toString(), "--data", "iris", "--percent");
        assertEquals("descent: --percent sets what the confusion matrix plot shows; add --plot FILE.png",
                percent.err().strip());
    }
}
