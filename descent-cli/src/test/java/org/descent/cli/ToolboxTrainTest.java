package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The toolbox's train flags: activations, optimizers, schedules, clipping, losses, class weights, --log. */
class ToolboxTrainTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "--activation gelu --optimizer adamw --weight-decay 0.05 --schedule cosine --warmup-epochs 2 --clip-norm 1",
        "--activation gelu-tanh --optimizer rmsprop --clip-value 0.5",
        "--activation silu --optimizer adagrad --lr 0.05 --reduce-on-plateau --plateau-patience 1",
        "--activation leaky-relu --class-weights auto",
        "--activation elu --class-weights 1,1,1,1,1,1,1,1,2,2"})
    void trainsTheDigitsWithEachCombination(String options) {
        CliRun run = CliRun.of(("train --quiet --epochs 8 " + options).split(" "));
        assertEquals(0, run.exitCode(), run.err());
        double accuracy = Double.parseDouble(run.field("test accuracy").split(" ")[0]);
        assertTrue(accuracy > 0.85, options + ": " + run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"l1", "huber"})
    void regressionLossesTrainAndAreStoredInTheModelFile(String loss) {
        Path model = dir.resolve(loss + ".safetensors");
        CliRun run = CliRun.of("train", "--quiet", "--data", "diabetes", "--loss", loss, "--lr", "0.1", "--epochs", "60",
                "--out", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("; " + loss), run.out());
        CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", "diabetes");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.out().contains("R²"), evaluate.out());
    }

    @Test
    void classWeightsAreStoredInTheModelFileSoEvaluateReportsTheSameLoss() {
        Path model = dir.resolve("weighted.safetensors");
        CliRun run = CliRun.of("train", "--quiet", "--epochs", "3", "--class-weights", "1,1,1,1,1,1,1,1,5,5",
                "--out", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 5.0, 5.0),
                org.descent.io.ModelFile.load(model).spec().classWeights());
        CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", "digits");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        java.util.regex.Matcher loss = java.util.regex.Pattern.compile("test loss (\\d+\\.\\d+)").matcher(run.out());
        assertTrue(loss.find(), run.out());
        String trained = loss.group(1);
        assertTrue(evaluate.out().contains("test samples, loss " + trained), "train's test loss " + trained + ", evaluate: "
                + evaluate.out());
    }

    @Test
    void theLogHoldsEveryFigureOfTheEpochLines() throws IOException {
        Path log = dir.resolve("metrics.csv");
        CliRun run = CliRun.of("train", "--data", "iris", "--epochs", "4", "--layers", "8", "--log", log.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = Files.readAllLines(log);
        assertEquals("epoch,train_loss,validation_loss,validation_accuracy,gradient_norm,learning_rate,seconds,"
                + "samples_per_second", rows.get(0));
        assertEquals(5, rows.size(), rows.toString());
        List<String> lines = run.out().lines().filter(l -> l.startsWith("epoch")).toList();
        for (int e = 0; e < 4; e++) {
            String[] f = rows.get(e + 1).split(",");
            String line = lines.get(e);
            assertEquals(String.valueOf(e + 1), f[0]);
            for (String[] figure : new String[][] {{"loss ", f[1]}, {"val_acc ", f[3]}, {"‖∇‖ ", f[4]}}) {
                String shown = String.format(Locale.ROOT, "%.4f", Double.parseDouble(figure[1]));
                assertTrue(line.contains(figure[0] + shown), line + " vs " + rows.get(e + 1));
            }
            assertTrue(line.contains(String.format(Locale.ROOT, "η %.3g", Double.parseDouble(f[5]))), line);
        }
    }

    @Test
    void aResumedRunWithReduceOnPlateauEndsAsTheUninterruptedOneAndContinuesTheLog() throws IOException {
        String[] common = {"train", "--data", "iris", "--layers", "8", "--lr", "1", "--reduce-on-plateau",
            "--plateau-patience", "0", "--plateau-factor", "0.5", "--quiet"};
        Path straight = dir.resolve("straight.safetensors");
        Path straightLog = dir.resolve("straight.csv");
        assertEquals(0, CliRun.of(concat(common, "--epochs", "8", "--out", straight.toString(), "--log",
                straightLog.toString())).exitCode());
        Path checkpoint = dir.resolve("run.ckpt");
        Path log = dir.resolve("run.csv");
        assertEquals(0, CliRun.of(concat(common, "--epochs", "4", "--checkpoint", checkpoint.toString(), "--log",
                log.toString())).exitCode());
        Path resumed = dir.resolve("resumed.safetensors");
        CliRun run = CliRun.of(concat(common, "--epochs", "8", "--resume", checkpoint.toString(), "--out",
                resumed.toString(), "--log", log.toString()));
        assertEquals(0, run.exitCode(), run.err());
        assertArrayEquals(Files.readAllBytes(straight), Files.readAllBytes(resumed));
        List<String> rates = column(straightLog, 5);
        assertTrue(!rates.get(0).equals(rates.get(7)), "the plateau reduced η: " + rates);
        assertEquals(rates, column(log, 5));
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8"), column(log, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--clip-norm 0 | --clip-norm must be positive and finite, got 0.0",
        "--clip-value -1 | --clip-value must be positive and finite, got -1.0",
        "--clip-norm 1 --clip-value 1 | give --clip-norm or --clip-value, not both",
        "--weight-decay -0.1 | --weight-decay must be >= 0 and finite, got -0.1",
        "--activation swish | --activation swish: unknown; use one of [identity, sigmoid, tanh, relu, softplus, gelu,"
                + " gelu-tanh, silu, leaky-relu, elu]",
        "--class-weights 1,2 | --class-weights: 2 weights given for 10 classes; give one per class or auto",
        "--class-weights 1,1,1,1,1,1,1,1,1,-2 | --class-weights: the weight of class 9 must be >= 0 and finite, got -2",
        "--loss l1 --class-weights auto | --class-weights applies to the cross-entropy of a multi-class task only",
        "--warmup-epochs 20 | --warmup-epochs must be at least 1 and less than the 20 epochs of the run, got 20",
        "--reduce-on-plateau --plateau-factor 1 | reduce-on-plateau factor must be in (0, 1), got 1.0",
        "--schedule cosine --min-lr 1 | cosine annealing: the minimum step size must be in [0, 0.001]",
        "--loss hinge | Invalid value for option '--loss': 'hinge' is unknown; use auto, cross-entropy, bce, l2, l1, huber"})
    void badValuesGiveOneLineAndExitCodeTwo(String options, String message) {
        CliRun run = CliRun.of(("train --quiet " + options).split("\\s+"));
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("descent: " + message.trim()), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static List<String> column(Path csv, int index) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")[index]).toList();
    }
}
