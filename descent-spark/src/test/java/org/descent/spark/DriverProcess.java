package org.descent.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A driver JVM of {@link StandaloneCluster}: its standard output, line by line, as it comes. */
final class DriverProcess {
    private final Process process;
    private final String name;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    DriverProcess(Process process, String name) {
        this.process = process;
        this.name = name;
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, name + " output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for a line starting with {@code prefix}; fails if the driver ends or the time is up first. */
    String await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
                    throw new AssertionError(name + " printed no line \"" + prefix + "...\" (" + (left <= 0
                            ? "timed out" : "exit " + process.exitValue()) + "); it printed " + lines);
                }
                lines.wait(Math.max(1, Math.min(500, left / 1_000_000)));
            }
        }
    }

    /** Waits for the driver to end with exit code 0; returns every line it printed. */
    List<String> finish(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish in " + timeout + "; it printed " + lines());
        }
        reader.join(10_000);
        if (process.exitValue() != 0) {
            throw new AssertionError(name + " ended with exit code " + process.exitValue() + "; it printed " + lines());
        }
        return lines();
    }

    /** Kills the driver with SIGKILL, as a machine lost would; returns what it printed until then. */
    List<String> kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        reader.join(10_000);
        return lines();
    }

    private List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
