package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's AOT cache (JDK 25 or later), run on a stand-in JDK: a {@code bin/java} script
 * with a {@code release} file, which logs its arguments and plays the JVM's part (a recording run
 * writes its configuration, {@code -XX:AOTMode=create} writes the cache from it), and a stand-in
 * jar given as {@code DESCENT_CLASSPATH}. The real JVM's side is measured by
 * {@code bench/compare-training} (docs/PERFORMANCE.md, "Start-up and warm-up").
 */
class LauncherAotTest {
    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            here="$(cd "$(dirname "$0")/.." && pwd)"
            printf '%s\\n' "$*" >> "$here/calls"
            for a in "$@"; do
              case "$a" in
                -XX:AOTMode=*) mode="${a#*=}" ;;
                -XX:AOTConfiguration=*) conf="${a#*=}" ;;
                -XX:AOTCache=*) cache="${a#*=}" ;;
                -XX:+DisplayVMOutputToStderr) vm_out=2 ;;
              esac
            done
            if [ "${mode:-}" = create ]; then echo "cache of $(cat "$conf")" > "$cache"; echo "Reading AOTConfiguration"; exit 0; fi
            trap 'kill "$sleeper" 2>/dev/null; echo TERM >> "$here/calls"; exit 143' TERM
            sed -n 's/^SigIgn:[[:space:]]*//p' /proc/$$/status > "$here/ignored" 2>/dev/null
            echo "WARNING: Using incubator modules: jdk.incubator.vector" >&2
            echo "trained${cache:+ with $(cat "$cache")}"
            [ -z "${FAKE_SLEEP:-}" ] || { sleep "$FAKE_SLEEP" & sleeper=$!; wait "$sleeper"; }
            if [ "${mode:-}" = record ]; then
              echo "profile" > "$conf"
              echo " AOTConfiguration recorded: $conf" >&"${vm_out:-1}"
            fi
            exit "${FAKE_EXIT:-0}"
            """;

    @TempDir
    Path dir;

    private Path jar;

    @BeforeEach
    void fakeJdkAndJar() throws IOException {
        jdk("25.0.1", "25.0.1+9-LTS");
        jar = dir.resolve("app/descent.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "version 1");
    }

    @AfterEach
    void removeLink() throws IOException {
        LauncherRun.removeLink(dir);
    }

    private void jdk(String version, String runtime) throws IOException {
        Path java = dir.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("jdk/release"), "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"" + runtime
                + "\"\nJAVA_VERSION=\"" + version + "\"\n");
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("DESCENT_JAVA", dir.resolve("jdk/bin/java").toString(),
                "DESCENT_CLASSPATH", jar.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private LauncherRun.Result launch(Map<String, String> env, String... args) throws Exception {
        return LauncherRun.run(dir, env, args);
    }

    private List<String> calls() throws IOException {
        Path calls = dir.resolve("jdk/calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    /** The file names in the folder beside the jar, sorted. */
    private List<String> aotFiles() throws IOException {
        Path aot = jar.resolveSibling("aot");
        if (!Files.isDirectory(aot)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(aot)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFirstTrainRunMakesTheCacheAndLaterRunsUseIt() throws Exception {
        LauncherRun.Result first = launch(env(), "train", "--data", "digits");
        assertEquals(new LauncherRun.Result(0, "trained\n", ""), first, "the JVM's notices stay off both outputs");
        assertEquals(2, calls().size(), calls().toString());
        assertTrue(calls().get(0).contains("-XX:AOTMode=record") && calls().get(0).endsWith("train --data digits"), calls().get(0));
        assertTrue(calls().get(1).contains("-XX:AOTMode=create"), calls().get(1));
        assertTrue(calls().get(0).startsWith("--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED "),
                "JDK 24 and later allow JLine's native library: " + calls().get(0));
        List<String> files = aotFiles();
        assertEquals(1, files.size(), "one cache and no temporary file: " + files);
        assertTrue(files.get(0).matches("descent-\\d+-9-\\d+-25\\.0\\.1\\+9-LTS\\.aot"), files.get(0));

        LauncherRun.Result later = launch(env(), "predict", "--model", "m");
        assertEquals(new LauncherRun.Result(0, "trained with cache of profile\n", ""), later);
        assertEquals(3, calls().size(), calls().toString());
        assertTrue(calls().get(2).contains("-XX:AOTCache=" + jar.resolveSibling("aot").resolve(files.get(0))), calls().get(2));
        assertEquals(files, aotFiles());
    }

    @Test
    void onlyTrainMakesOne() throws Exception {
        assertEquals(0, launch(env(), "summary", "--model", "m").exitCode());
        assertEquals(1, calls().size());
        assertFalse(calls().get(0).contains("AOT"), calls().get(0));
        assertEquals(List.of(), aotFiles());
    }

    @Test
    void aCacheOfAnotherJarIsNeitherUsedNorKept() throws Exception {
        launch(env(), "train");
        String old = aotFiles().get(0);
        Files.writeString(jar, "version 2, rebuilt");
        LauncherRun.Result run = launch(env(), "train");
        assertEquals(new LauncherRun.Result(0, "trained\n", ""), run, "the old cache is not given to the JVM");
        assertTrue(calls().get(2).contains("-XX:AOTMode=record"), calls().get(2));
        List<String> files = aotFiles();
        assertEquals(1, files.size(), files.toString());
        assertFalse(files.contains(old), "the stale cache is removed once the new one is made: " + files);
    }

    @Test
    void otherJvmOptionsGetTheirOwnCache() throws Exception {
        launch(env(), "train");
        launch(env("DESCENT_JAVA_OPTS", "-Xmx1g"), "train");
        assertTrue(calls().get(2).contains("-Xmx1g") && calls().get(2).contains("-XX:AOTMode=record"), calls().get(2));
        assertEquals(2, aotFiles().size(), "the same jar's caches for other options stay: " + aotFiles());
        launch(env("DESCENT_JAVA_OPTS", "-Xmx1g"), "train");
        assertTrue(calls().get(4).contains("-XX:AOTCache="), calls().get(4));
    }

    @Test
    void aFolderThatCannotBeMadeLeavesTheRunWithoutACache() throws Exception {
        Files.writeString(jar.resolveSibling("aot"), "a file where the folder would go");
        assertEquals(new LauncherRun.Result(0, "trained\n", ""), launch(env(), "train"));
        assertEquals(1, calls().size());
        assertFalse(calls().get(0).contains("AOT"), calls().get(0));
    }

    @Test
    void aReadOnlyFolderLeavesTheRunWithoutACache() throws Exception {
        Path aot = Files.createDirectories(jar.resolveSibling("aot"));
        Files.setPosixFilePermissions(aot, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeFalse(Files.isWritable(aot), "the permissions of a folder do not bind this user (root)");
        assertEquals(new LauncherRun.Result(0, "trained\n", ""), launch(env(), "train"));
        assertEquals(1, calls().size());
        assertFalse(calls().get(0).contains("AOT"), calls().get(0));
    }

    @Test
    void jdk17RunsAsBefore() throws Exception {
        jdk("17.0.15", "17.0.15+6-Debian-1deb12u1");
        assertEquals(new LauncherRun.Result(0, "trained\n", ""), launch(env(), "train", "--epochs", "1"));
        assertEquals(List.of("--add-modules jdk.incubator.vector -Ddescent.stderr=/dev/fd/9 -cp " + jar
                + " org.descent.cli.Main train --epochs 1"), calls());
        assertEquals(List.of(), aotFiles());
    }

    @Test
    void turnedOffItIsNeitherMadeNorUsed() throws Exception {
        launch(env(), "train");
        launch(env("DESCENT_AOT", "off"), "train");
        launch(env("DESCENT_JAVA_OPTS", "-XX:AOTCache=/elsewhere.aot"), "train");
        assertEquals(4, calls().size(), calls().toString());
        assertFalse(calls().get(2).contains("AOT"), calls().get(2));
        assertTrue(calls().get(3).endsWith("-XX:AOTCache=/elsewhere.aot -cp " + jar + " org.descent.cli.Main train"),
                calls().get(3));
    }

    @Test
    void aFailedRunMakesNoCacheAndKeepsItsExitCode() throws Exception {
        LauncherRun.Result run = launch(env("FAKE_EXIT", "3"), "train");
        assertEquals(3, run.exitCode());
        assertEquals(1, calls().size(), "no cache is made from a failed run");
        assertEquals(List.of(), aotFiles(), "no temporary file is left");
    }

    @Test
    void theRecordingJvmStillStopsOnControlC() throws Exception {
        assertEquals(0, launch(env(), "train").exitCode());
        assertTrue(calls().get(0).contains("-XX:AOTMode=record"), calls().get(0));
        String ignored = Files.readString(dir.resolve("jdk/ignored")).strip();
        assumeFalse(ignored.isEmpty(), "no /proc/PID/status here");
        // SIGINT is bit 1 of the mask (signal 2). SIGQUIT may be ignored by whatever started the
        // test already, and a signal ignored from the start cannot be given its default back.
        assertEquals(0, Long.parseLong(ignored, 16) & 0b10, "SIGINT is not ignored: mask " + ignored);
    }

    @Test
    void twoRunsThatRaceLeaveOneWholeCache() throws Exception {
        Process a = LauncherRun.start(dir, "a", env("FAKE_SLEEP", "1"), "train");
        Process b = LauncherRun.start(dir, "b", env("FAKE_SLEEP", "1"), "train");
        assertEquals(new LauncherRun.Result(0, "trained\n", ""), LauncherRun.finish(dir, "a", a));
        assertEquals(new LauncherRun.Result(0, "trained\n", ""), LauncherRun.finish(dir, "b", b));
        List<String> files = aotFiles();
        assertEquals(1, files.size(), files.toString());
        assertEquals("cache of profile\n", Files.readString(jar.resolveSibling("aot").resolve(files.get(0))));
    }

    @Test
    void terminatingTheRecordingLauncherStopsTheJvmAndLeavesNothing() throws Exception {
        Process run = LauncherRun.start(dir, "run", env("FAKE_SLEEP", "30"), "train");
        for (int i = 0; i < 100 && calls().isEmpty(); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(200); // the fake JVM sets its TERM trap right after it logs its call
        run.destroy(); // SIGTERM to the launcher
        LauncherRun.Result result = LauncherRun.finish(dir, "run", run);
        assertEquals(143, result.exitCode(), result.toString());
        assertEquals("TERM", calls().get(calls().size() - 1), "the JVM got the signal: " + calls());
        assertEquals(List.of(), aotFiles(), "no temporary file is left");
    }
}
