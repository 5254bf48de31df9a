package org.descent.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The ONNX project's own checker ({@code onnx.checker.check_model(..., full_check=True)}: schema,
 * opset, types and shape inference), run with {@code /usr/bin/python3} where {@code python3-onnx}
 * is installed ({@code .ci/run} installs it); without it the check is skipped (an assumption).
 */
final class OnnxChecker {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private OnnxChecker() {
    }

    static boolean available() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        return python("import onnx").exit == 0;
    }

    /** Runs the checker on {@code file}; fails the test with the checker's message if it refuses the file. */
    static void check(Path file) {
        assumeTrue(available(), "python3-onnx is not installed (apt-get install python3-onnx); the ONNX checker is skipped");
        Outcome outcome = python("import onnx, sys; m = onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True); print('ok')",
                file.toString());
        assertEquals(0, outcome.exit, "the ONNX checker refused " + file + ": " + outcome.output);
    }

    /** The checker's complaint about {@code file}, or null if it accepts the file. */
    static String problem(Path file) {
        Outcome outcome = python("import onnx, sys; m = onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True)",
                file.toString());
        return outcome.exit == 0 ? null : outcome.output;
    }

    private record Outcome(int exit, String output) {
    }

    private static Outcome python(String program, String... args) {
        String[] command = new String[3 + args.length];
        command[0] = PYTHON.toString();
        command[1] = "-c";
        command[2] = program;
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Outcome(-1, "timed out");
            }
            return new Outcome(process.exitValue(), output.strip());
        } catch (IOException e) {
            return new Outcome(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, e.toString());
        }
    }
}
