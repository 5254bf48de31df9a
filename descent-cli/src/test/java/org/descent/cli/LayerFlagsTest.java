package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.descent.io.Model;
import org.descent.io.ModelFile;
import org.descent.nn.BatchNorm1d;
import org.descent.nn.Dropout;
import org.descent.nn.LayerNorm;
import org.descent.nn.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** descent train --dropout / --norm, and descent summary. */
class LayerFlagsTest {
    @TempDir
    Path dir;

    @Test
    void badValuesAreOneClearLine() {
        CliRun run = CliRun.of("train", "--dropout", "1.5");
        assertEquals(2, run.exitCode());
        assertEquals("descent: --dropout must be in [0, 1), got 1.5", run.err().strip());
        run = CliRun.of("train", "--norm", "group");
        assertEquals(2, run.exitCode());
        assertEquals("descent: --norm group: unknown; use batch or layer", run.err().strip());
        run = CliRun.of("train", "--data", "iris", "--norm", "batch", "--batch", "8");
        assertEquals(2, run.exitCode());
        assertEquals("descent: --norm batch: the 105 training samples leave a last batch of 1 sample at --batch 8, "
                + "which batch normalization cannot normalize; use another --batch", run.err().strip());
    }

    @Test
    void batchNormAndDropoutGoAroundEachHiddenActivationAndAreSaved() {
        Path file = dir.resolve("bn.safetensors");
        CliRun run = CliRun.of("train", "--layers", "32,16", "--norm", "batch", "--dropout", "0.2", "--epochs", "5",
                "--quiet", "--out", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("64 → Linear(32) → batch_norm(eps=1.0E-5, momentum=0.1) → relu → dropout(p=0.2) "
                + "→ Linear(16) → batch_norm(eps=1.0E-5, momentum=0.1) → relu → dropout(p=0.2) → Linear(10)"), run.out());
        // 64·32 + 32 + 2·32 + 32·16 + 16 + 2·16 + 16·10 + 10; buffers (2·32 + 1) + (2·16 + 1) + 2·4 (dropout's rng)
        assertTrue(run.out().contains("network: 2,874 parameters, 106 buffer values in 8 tensors;"), run.out());
        Model model = ModelFile.load(file);
        Sequential net = (Sequential) model.network();
        assertTrue(net.layers().get(1) instanceof BatchNorm1d bn && bn.batchesTracked().value().get(0) > 0);
        assertTrue(net.layers().get(3) instanceof Dropout d && d.calls() > 0);

        CliRun summary = CliRun.of("summary", "--model", file.toString());
        assertEquals(0, summary.exitCode(), summary.err());
        assertTrue(summary.out().contains("running_mean [32], running_var [32], num_batches_tracked [1]"), summary.out());
        assertTrue(summary.out().strip().endsWith("2,874 parameters, 106 buffer values in 8 tensors; 11.6 KiB as float32"),
                summary.out());
    }

    @Test
    void layerNormBeforeEachHiddenActivation() {
        Path file = dir.resolve("ln.safetensors");
        CliRun run = CliRun.of("train", "--norm", "layer", "--epochs", "3", "--quiet", "--out", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(((Sequential) ModelFile.load(file).network()).layers().get(1) instanceof LayerNorm);
        assertTrue(run.out().contains("network: 4,938 parameters, no buffers;"), run.out());
    }

    @Test
    void theSummaryOfTheDefaultDigitsModelSays4810Parameters() {
        Path file = dir.resolve("digits.safetensors");
        assertEquals(0, CliRun.of("train", "--epochs", "1", "--quiet", "--out", file.toString()).exitCode());
        CliRun summary = CliRun.of("summary", "--model", file.toString());
        assertEquals(0, summary.exitCode(), summary.err());
        assertTrue(summary.out().contains("layers.0  Linear(in=64, out=64)  (N, 64)            4,160\n"), summary.out());
        assertTrue(summary.out().contains("4,810 parameters, no buffers; 18.8 KiB as float32"), summary.out());
        CliRun missing = CliRun.of("summary", "--model", dir.resolve("none.safetensors").toString());
        assertEquals(2, missing.exitCode());
        assertEquals(1, missing.errLines().length, missing.err());
    }
}
