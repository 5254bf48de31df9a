package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The browser test's node scripts ({@code src/test/js}, copied into {@code target/test-js} by the
 * build) and their one npm package, playwright-core, pinned by its package-lock. Installed here, on
 * the browser test's first run, rather than by the build: building and the other tests need no node.
 */
final class PlaywrightScripts {
    private PlaywrightScripts() {
    }

    /** Runs {@code npm ci} in {@code scripts} unless playwright-core is there already. */
    static void install(Path scripts) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(scripts.resolve("package-lock.json")),
                scripts + " has no package-lock.json: the build copies src/test/js there");
        if (Files.isDirectory(scripts.resolve("node_modules/playwright-core"))) {
            return;
        }
        Path log = scripts.resolve("npm-ci.log");
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(scripts.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("npm is missing: the browser test needs node and npm for playwright-core"
                    + " (apt-get install nodejs npm; .ci/run does), or skip it with -DexcludedGroups=browser", e);
        }
        if (!npm.waitFor(300, TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            fail("npm ci took more than 300 s in " + scripts + ": " + Files.readString(log));
        }
        assertEquals(0, npm.exitValue(), "npm ci failed in " + scripts + ": " + Files.readString(log));
    }
}
