package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
}
