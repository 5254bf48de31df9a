package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Makes the pictures shown in docs/CLI.md with the commands the page gives, and checks them.
 * They are written to docs/images/ only when asked,
 * {@code ./mvnw -pl descent-cli -am test -Dtest='DocsImagesTest*' -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddescent.docsImages=true} (fonts differ between machines, so a plain test run leaves the
 * checked-in pictures alone and writes into a temporary folder).
 */
class DocsImagesTest {
    @TempDir
    Path temp;

    private Path images() throws IOException {
        Path docs = Path.of("").toAbsolutePath().getParent().resolve("docs/images");
        return Boolean.getBoolean("descent.docsImages") ? Files.createDirectories(docs) : temp;
    }

    @Test
    void digitsAndDiabetes() throws IOException {
        Path out = images();
        Path model = temp.resolve("digits.safetensors");
        run("train", "--out", model.toString(), "--plot", out.resolve("curves.png").toString(), "--quiet");
        run("evaluate", "--model", model.toString(), "--plot", out.resolve("confusion-digits.png").toString(),
                "--errors", out.resolve("errors-digits.png").toString());
        run("evaluate", "--model", model.toString(), "--plot", out.resolve("confusion-digits-percent.png").toString(),
                "--percent");
        Path regression = temp.resolve("diabetes.safetensors");
        run("train", "--data", "diabetes", "--layers", "32", "--epochs", "100", "--batch", "32", "--lr", "0.01",
                "--quiet", "--out", regression.toString());
        run("evaluate", "--model", regression.toString(), "--data", "diabetes", "--plot",
                out.resolve("regression-diabetes.png").toString());
        assertSize(out.resolve("curves.png"), 800, 600);
        assertSize(out.resolve("regression-diabetes.png"), 1120, 480);
        BufferedImage errors = ImageIO.read(out.resolve("errors-digits.png").toFile());
        assertTrue(errors.getHeight() > 100 && errors.getWidth() >= 420, errors.getWidth() + "×" + errors.getHeight());
        assertEquals(ImageIO.read(out.resolve("confusion-digits.png").toFile()).getWidth(),
                ImageIO.read(out.resolve("confusion-digits-percent.png").toFile()).getWidth());
    }

    @Test
    @Tag("slow")
    void fashionMnist() throws IOException {
        assertTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")),
                "Fashion-MNIST is missing: apt-get install dataset-fashion-mnist (or skip slow tests: -DexcludedGroups=slow)");
        Path out = images();
        Path model = temp.resolve("fashion.safetensors");
        run("train", "--data", "fashion-mnist", "--epochs", "2", "--quiet", "--out", model.toString());
        run("evaluate", "--model", model.toString(), "--data", "fashion-mnist",
                "--plot", out.resolve("confusion-fashion.png").toString(),
                "--errors", out.resolve("errors-fashion.png").toString());
        BufferedImage errors = ImageIO.read(out.resolve("errors-fashion.png").toFile());
        assertEquals(10 * 108 + 20, errors.getWidth(), "ten 84-pixel images (28×28 at 3×) a row");
        BufferedImage cm = ImageIO.read(out.resolve("confusion-fashion.png").toFile());
        assertTrue(cm.getHeight() > cm.getWidth() - 120, "room for the rotated class names");
    }

    private static void run(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
    }

    private static void assertSize(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(width + "×" + height, image.getWidth() + "×" + image.getHeight(), png.toString());
    }
}
