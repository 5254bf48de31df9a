package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsTheEmbeddedDigitsByDefault() {
        CliRun run = CliRun.of("train", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        Matcher m = Pattern.compile("test accuracy (0\\.\\d+)").matcher(run.out());
        assertTrue(m.find(), run.out());
        assertTrue(Double.parseDouble(m.group(1)) >= 0.95, run.out());
    }

    @Test
    void trainsTheEmbeddedWine() {
        CliRun run = CliRun.of("train", "--data", "wine", "--epochs", "30", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        Matcher m = Pattern.compile("test accuracy (0\\.\\d+|1\\.0000)").matcher(run.out());
        assertTrue(m.find(), run.out());
        assertTrue(Double.parseDouble(m.group(1)) >= 0.9, run.out());
    }

    @Test
    void printsOneLinePerEpochWithTheFiguresTheIssueNames() {
        CliRun run = CliRun.of("train", "--data", "iris", "--epochs", "3", "--layers", "8");
        assertEquals(0, run.exitCode(), run.err());
        long epochLines = run.out().lines().filter(l -> l.startsWith("epoch")).count();
        assertEquals(3, epochLines, run.out());
        assertTrue(run.out().matches("(?s).*epoch   3/3  loss \\d\\.\\d{4}  val_acc \\d\\.\\d{4}  ‖∇‖ \\d+\\.\\d{4}"
                + "  η 0\\.00100  \\d+\\.\\ds  [\\d,]+ samples/s.*"), run.out());
    }

    @Test
    void savedModelEvaluatesAndPredicts() throws IOException {
        Path model = dir.resolve("iris.safetensors");
        Path curves = dir.resolve("curves.png");
        CliRun train = CliRun.of("train", "--data", "iris", "--layers", "16", "--epochs", "60", "--batch", "16",
                "--lr", "0.01", "--quiet", "--out", model.toString(), "--plot", curves.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertPng(curves);
        Path matrix = dir.resolve("cm.png");
        CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", "iris", "--plot", matrix.toString());
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.out().contains("precision") && evaluate.out().contains("accuracy"), evaluate.out());
        assertPng(matrix);
        Path input = dir.resolve("flowers.csv");
        Files.writeString(input, "5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n");
        Path output = dir.resolve("predictions.csv");
        CliRun predict = CliRun.of("predict", "--model", model.toString(), "--input", input.toString(),
                "--output", output.toString());
        assertEquals(0, predict.exitCode(), predict.err());
        String csv = Files.readString(output);
        assertTrue(csv.startsWith("class,name,p0,p1,p2\n0,setosa,"), csv);
        assertTrue(csv.lines().skip(2).findFirst().orElseThrow().startsWith("2,virginica,"), csv);
    }

    @Test
    void binaryIsThisATwo() {
        CliRun run = CliRun.of("train", "--positive-class", "2", "--epochs", "5", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("digits (is it 2?)"), run.out());
        assertTrue(run.out().contains("binary_cross_entropy_with_logits"), run.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--lr -1           | learning rate must be positive, got -1.0",
        "--layers 0        | --layers: every layer needs a positive size, got 0",
        "--batch -5        | batch size must be positive, or 0 for the full batch; got -5",
        "--epochs 0        | epochs must be at least 1, got 0",
        "--activation cube | --activation cube: unknown; use one of [identity, sigmoid, tanh, relu, softplus, gelu,"
                + " gelu-tanh, silu, leaky-relu, elu]",
        "--positive-class 12 | positive class 12 is outside 0..9",
        "--data nowhere.csv | --data nowhere.csv: no such data set, folder or file",
        "--label-smoothing 0.1 --positive-class 2 | label smoothing applies to multi-class tasks only"})
    void badOptionsGiveOneLineAndExitCodeTwo(String options, String message) {
        CliRun run = CliRun.of(("train --quiet " + options).split("\\s+"));
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("descent: ") && run.err().contains(message.trim()), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--optimizer foo | Invalid value for option '--optimizer': 'foo' is unknown; use sgd, momentum, nesterov, adam, adamw, rmsprop, adagrad",
        "--schedule cos  | Invalid value for option '--schedule': 'cos' is unknown; use constant, step, inverse, exponential, cosine",
        "--loss hinge    | Invalid value for option '--loss': 'hinge' is unknown; use auto, cross-entropy, bce, l2, l1, huber",
        "--task ranking  | Invalid value for option '--task': 'ranking' is unknown; use multiclass, regression"})
    void aValueOutsideAFixedSetListsTheSet(String options, String message) {
        CliRun run = CliRun.of(("train --quiet " + options).split("\\s+"));
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals("descent: " + message.trim() + " (see 'descent train --help')", run.errLines()[0]);
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }

    @Test
    void fixedValuesMatchIgnoringCaseAndHelpListsThem() {
        CliRun run = CliRun.of("train", "--data", "iris", "--epochs", "1", "--layers", "4", "--optimizer", "SGD",
                "--schedule", "Step", "--loss", "Cross-Entropy", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        String help = CliRun.of("train", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--optimizer=OPTIMIZER sgd, momentum, nesterov, adam, adamw, rmsprop, adagrad"), help);
        assertTrue(help.contains("Hidden activation: one of " + String.join(", ", NetworkOptions.hiddenActivations())
                + " (default relu;"),
                help);
    }

    @Test
    void anUnwritableOutFailsBeforeTrainingAndDamagesNothing() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "keep me");
        CliRun run = CliRun.of("train", "--quiet", "--out", blocker.resolve("model.safetensors").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("descent: cannot write"), run.err());
        assertTrue(run.out().isEmpty(), "nothing trained: " + run.out());
        assertEquals("keep me", Files.readString(blocker));
    }

    @Test
    void evaluateUsesTheLabelSmoothingTheModelWasTrainedWith() {
        Path model = dir.resolve("smooth.safetensors");
        CliRun train = CliRun.of("train", "--data", "iris", "--epochs", "5", "--label-smoothing", "0.2", "--quiet",
                "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        Matcher trained = Pattern.compile("test loss (\\d\\.\\d{4})").matcher(train.out());
        assertTrue(trained.find(), train.out());
        CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", "iris");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.out().contains("loss " + trained.group(1)), train.out() + evaluate.out());
    }

    @Test
    void aModelOfAnotherArchitectureIsRefused() throws IOException {
        Path model = dir.resolve("iris.safetensors");
        assertEquals(0, CliRun.of("train", "--data", "iris", "--epochs", "1", "--quiet", "--out", model.toString()).exitCode());
        byte[] before = Files.readAllBytes(model);
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", "digits");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("expects 4 input features but digits has 64"), run.err());
        assertArrayEquals(before, Files.readAllBytes(model));
    }

    @Test
    void aStackTraceOnlyWithVerbose() {
        CliRun quiet = CliRun.of("train", "--lr", "-1");
        CliRun verbose = CliRun.of("train", "--lr", "-1", "--verbose");
        assertEquals(1, quiet.err().lines().count(), quiet.err());
        assertTrue(verbose.err().contains("\tat org.descent."), verbose.err());
    }

    @Test
    void anInterruptedRunResumesFromItsCheckpointToTheSameModel() throws IOException {
        Path straight = dir.resolve("straight.safetensors");
        assertEquals(0, CliRun.of("train", "--data", "iris", "--epochs", "6", "--quiet", "--out", straight.toString()).exitCode());
        Path checkpoint = dir.resolve("run.ckpt");
        assertEquals(0, CliRun.of("train", "--data", "iris", "--epochs", "3", "--quiet", "--checkpoint", checkpoint.toString())
                .exitCode());
        Path resumed = dir.resolve("resumed.safetensors");
        CliRun run = CliRun.of("train", "--data", "iris", "--epochs", "6", "--resume", checkpoint.toString(),
                "--out", resumed.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("resuming after epoch 3 of 6"), run.out());
        assertEquals(3, run.out().lines().filter(l -> l.startsWith("epoch")).count(), run.out());
        assertArrayEquals(Files.readAllBytes(straight), Files.readAllBytes(resumed));
    }

    private static void assertPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 100 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', file + " is not a PNG");
    }
}
