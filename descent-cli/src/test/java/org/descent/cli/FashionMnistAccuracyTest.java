package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The accuracy bars: with the defaults, a 784-256-128-10 ReLU MLP reaches at least 0.88
 * test accuracy on Fashion-MNIST within 10 epochs; the toolbox recipe of issue 13 (batch norm,
 * dropout 0.2, AdamW, cosine after a warm-up, 15 epochs) at least 0.895: 0.8978 with the default
 * seed, above the plain MLP's 0.8954. Not the 0.90, which the recipe does not reach on
 * average in Descent or in its PyTorch replica (tools/pytorch/toolbox_recipe.py): Descent 0.8969
 * to 0.8989, PyTorch 0.8977 to 0.9005 over the seeds in docs/LAYERS.md. Needs
 * {@code apt-get install dataset-fashion-mnist}.
 */
@Tag("slow")
class FashionMnistAccuracyTest {

    @Test
    void defaultsReachTheAccuracyBarWithinTenEpochs() {
        assertTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")),
                "Fashion-MNIST is missing: apt-get install dataset-fashion-mnist (or skip slow tests: -DexcludedGroups=slow)");
        CliRun run = CliRun.of("train", "--data", "fashion-mnist", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("784 → Linear(256) → relu → Linear(128) → relu → Linear(10)"), run.out());
        assertTrue(testAccuracy(run) >= 0.88, run.out());
    }

    @Test
    void theToolboxRecipeReachesItsBar() {
        assertTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")), "Fashion-MNIST is missing");
        CliRun run = CliRun.of("train", "--data", "fashion-mnist", "--norm", "batch", "--dropout", "0.2", "--optimizer", "adamw",
                "--weight-decay", "0.01", "--schedule", "cosine", "--warmup-epochs", "1", "--epochs", "15", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("784 → Linear(256) → batch_norm(eps=1.0E-5, momentum=0.1) → relu → dropout(p=0.2) → "
                + "Linear(128) → batch_norm(eps=1.0E-5, momentum=0.1) → relu → dropout(p=0.2) → Linear(10)"), run.out());
        assertTrue(testAccuracy(run) >= 0.895, run.out());
    }

    private static double testAccuracy(CliRun run) {
        Matcher accuracy = Pattern.compile("test accuracy (0\\.\\d+) \\(10000 samples\\)").matcher(run.out());
        assertTrue(accuracy.find(), run.out());
        return Double.parseDouble(accuracy.group(1));
    }
}
