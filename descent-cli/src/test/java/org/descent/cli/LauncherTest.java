package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./descent} launcher (issue 16), run on this build's classes
 * ({@code DESCENT_CLASSPATH}) through a symlink in another folder: it finds its checkout through
 * the link, answers {@code --version} without a JVM, keeps the JVM's incubator notice off
 * standard error and leaves the program's own messages there, with their exit code.
 */
class LauncherTest {
    private static final Path ROOT = LauncherRun.ROOT;

    @TempDir
    Path dir;

    @AfterEach
    void removeLink() throws IOException {
        LauncherRun.removeLink(dir);
    }

    private LauncherRun.Result launch(Map<String, String> env, String... args) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("DESCENT_CLASSPATH", System.getProperty("java.class.path"));
        return LauncherRun.run(dir, all, args);
    }

    @Test
    void versionComesWithoutAJvmThroughASymlink() throws Exception {
        // A JVM option that no JVM accepts: --version succeeds only if no JVM starts.
        LauncherRun.Result run = launch(Map.of("DESCENT_JAVA_OPTS", "-XX:+NoSuchOptionAnywhere"), "--version");
        assertEquals(0, run.exitCode(), run.err());
        String version = Files.readString(ROOT.resolve("descent-cli/target/classes/org/descent/cli/version.txt")).strip();
        assertEquals("descent " + version + "\n", run.out());
        assertEquals(new VersionProvider().getVersion()[0] + "\n", run.out(), "the JVM's --version says the same");
    }

    @Test
    void errorsReachStandardErrorWithoutTheIncubatorNotice() throws Exception {
        LauncherRun.Result run = launch(Map.of(), "train", "--data", "nowhere.csv");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.out().isEmpty(), run.out());
        assertEquals("descent: --data nowhere.csv: no such data set, folder or file; use digits, iris, breast-cancer,"
                + " wine, diabetes, fashion-mnist, an IDX folder or a CSV file\n", run.err());
    }

    @Test
    void theJvmsOwnErrorsStillShow() throws Exception {
        LauncherRun.Result run = launch(Map.of("DESCENT_JAVA_OPTS", "-XX:+NoSuchOptionAnywhere"), "train");
        assertTrue(run.exitCode() != 0);
        // The filter runs beside the JVM; wait for it to pass the JVM's message on.
        for (int i = 0; i < 50 && Files.readString(dir.resolve("run.err")).isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.readString(dir.resolve("run.err")).contains("Unrecognized VM option 'NoSuchOptionAnywhere'"),
                Files.readString(dir.resolve("run.err")));
    }

    @Test
    void nonAsciiPathsWorkUnderTheCLocale() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            rows.append(i % 7).append(',').append(i % 5).append(',').append(i % 2).append('\n');
        }
        Files.writeString(dir.resolve("rows.csv"), rows);
        Path link = dir.resolve("bin/descent");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, ROOT.resolve("descent"));
        // The names in bash's ANSI-C quotes (donnees with e-acute, tres and modele with e-grave, in UTF-8
        // bytes), so that this test's own JVM never has to encode them, whatever its locale.
        String script = "d=$'donn\\xc3\\xa9es'; mkdir \"$d\" && cp rows.csv \"$d\"/$'tr\\xc3\\xa8s.csv' && LC_ALL=C bin/descent"
                + " train --data \"$d\"/$'tr\\xc3\\xa8s.csv' --epochs 2 --out \"$d\"/$'mod\\xc3\\xa8le.safetensors'"
                + " && test -s \"$d\"/$'mod\\xc3\\xa8le.safetensors' && echo 'model file written'";
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(dir.toFile())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        builder.environment().put("DESCENT_CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the launcher hangs");
        String out = Files.readString(dir.resolve("out"), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), out + Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
        assertTrue(out.endsWith("model file written\n"), out);
        // The console is still the C locale's: ASCII, the arrows spelled out, the path's letters as '?'.
        assertTrue(out.contains("2 -> Linear(64) -> relu -> Linear(2)"), out);
        assertTrue(out.contains("saved model to donn?es/mod?le.safetensors\n"), out);
    }
}
