package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the checkout's {@code ./descent} launcher through a symlink in {@code dir/bin}, with its
 * standard output and error in {@code dir/out} and {@code dir/err}, for the launcher tests.
 */
final class LauncherRun {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /** How one run ended. */
    record Result(int exitCode, String out, String err) {
    }

    private LauncherRun() {
    }

    /** Starts the launcher with these environment variables (beside the test JVM's) and arguments. */
    static Process start(Path dir, String name, Map<String, String> env, String... args) throws IOException {
        Path link = dir.resolve("bin/descent");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, ROOT.resolve("descent"));
        }
        List<String> command = new ArrayList<>(List.of(link.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Waits for a run that {@link #start} began and reads what it printed. */
    static Result finish(Path dir, String name, Process process) throws Exception {
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the launcher hangs");
        return new Result(process.exitValue(), Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8));
    }

    /** Removes the symlink {@link #start} made (JUnit warns about a link that leads out of a temporary folder). */
    static void removeLink(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve("bin/descent"));
    }

    /** Runs the launcher to its end. */
    static Result run(Path dir, Map<String, String> env, String... args) throws Exception {
        return finish(dir, "run", start(dir, "run", env, args));
    }
}
