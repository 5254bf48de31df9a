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
 * The accuracy bar: with the defaults, a 784-256-128-10 ReLU MLP reaches at least 0.88
 * test accuracy on Fashion-MNIST within 10 epochs. Needs {@code apt-get install dataset-fashion-mnist}.
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
        Matcher accuracy = Pattern.compile("test accuracy (0\\.\\d+) \\(10000 samples\\)").matcher(run.out());
        assertTrue(accuracy.find(), run.out());
        assertTrue(Double.parseDouble(accuracy.group(1)) >= 0.88, run.out());
    }
}
