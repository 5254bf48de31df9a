package org.descent.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a Master and Workers as separate JVMs, and
 * drivers ({@link SparkRun}) as further JVMs, all from the test's own class path. Spark's jars are
 * linked into a Spark home ({@code jars/}), from which the Workers build their executors' class
 * path; Descent's class folders are the executors' {@code spark.executor.extraClassPath}. Every
 * process started here, and every process they started (the executors), is killed by
 * {@link #close}, also when the test JVM exits first.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final Pattern ALIVE = Pattern.compile("\"state\"\\s*:\\s*\"ALIVE\"");
    private static final Pattern EXECUTOR_ID = Pattern.compile("--executor-id (\\S+)");

    private final Path directory;
    private final List<String> jvmOptions;
    private final String classPath;
    private final String classFolders;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final Thread cleanUp = new Thread(this::close);
    private final int masterPort = freePort();
    private final int masterUi = freePort();

    private StandaloneCluster(Path directory) throws IOException {
        this.directory = directory;
        classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> folders = new ArrayList<>();
        Path jars = Files.createDirectories(directory.resolve("spark-home/jars"));
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                folders.add(path.toAbsolutePath().toString());
            } else if (entry.endsWith(".jar") && !Files.exists(jars.resolve(path.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(path.getFileName()), path.toAbsolutePath());
            }
        }
        classFolders = String.join(java.io.File.pathSeparator, folders);
        jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(o -> o.startsWith("--") || o.startsWith("-XX:+IgnoreUnrecognized") || o.startsWith("-Dio.netty"))
                .toList();
        Runtime.getRuntime().addShutdownHook(cleanUp);
    }

    /** Starts a Master and {@code workers} Workers of one core each, and waits until they are all registered. */
    static StandaloneCluster start(Path directory, int workers, Duration timeout) throws IOException, InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster(directory);
        cluster.processes.add(cluster.spark("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(cluster.masterPort), "--webui-port", String.valueOf(cluster.masterUi)));
        for (int w = 0; w < workers; w++) {
            Path work = Files.createDirectories(directory.resolve("worker-" + w));
            Process worker = cluster.spark("worker-" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()), "--work-dir",
                    work.toString(), cluster.masterUrl());
            cluster.processes.add(worker);
            cluster.workers.add(worker);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (cluster.aliveWorkers() < workers) {
            if (System.nanoTime() > deadline) {
                cluster.close();
                throw new IllegalStateException("the Spark cluster did not start in " + timeout + "; logs in " + directory);
            }
            Thread.sleep(500);
        }
        return cluster;
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** Starts a driver JVM running {@link SparkRun} on this cluster with {@code args}, without its web UI. */
    DriverProcess driver(String name, List<String> args) throws IOException {
        return driver(name, args, "-Dspark.ui.enabled=false");
    }

    /** As above, with more JVM options ({@code -Dspark.ui.port=...}); its log (Spark's, at INFO) in {@link #log}. */
    DriverProcess driver(String name, List<String> args, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of(options));
        command.addAll(List.of("-Dspark.master=" + masterUrl(), "-Dspark.executor.extraClassPath=" + classFolders,
                "-Dspark.executor.memory=512m", "-Dspark.driver.host=127.0.0.1",
                "-cp", classPath, SparkRun.class.getName()));
        command.addAll(args);
        Process driver = start(name, command);
        processes.add(driver);
        return new DriverProcess(driver, name);
    }

    /** What the process {@code name} wrote to its standard error (a driver's: Spark's log). */
    Path log(String name) {
        return directory.resolve(name + ".err");
    }

    /** Kills the executor that worker {@code worker} runs with SIGKILL; returns its executor id. */
    String killExecutor(int worker) {
        ProcessHandle executor = workers.get(worker).toHandle().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .findFirst().orElseThrow(() -> new IllegalStateException("worker " + worker + " runs no executor"));
        Matcher id = EXECUTOR_ID.matcher(executor.info().commandLine().orElse(""));
        executor.destroyForcibly();
        return id.find() ? id.group(1) : "?";
    }

    private int aliveWorkers() {
        try {
            String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi
                    + "/json/")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return (int) ALIVE.matcher(json).results().count();
        } catch (IOException e) {
            return 0;   // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private Process spark(String name, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dspark.master.rest.enabled=false", "-Xmx256m", "-cp",
                directory.resolve("spark-home/jars").toAbsolutePath() + "/*", main));
        command.addAll(List.of(args));
        return start(name, command);
    }

    private Process start(String name, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(directory.resolve(name + ".err").toFile());
        builder.environment().put("SPARK_HOME", directory.resolve("spark-home").toAbsolutePath().toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        if (!name.startsWith("driver")) {
            builder.redirectOutput(directory.resolve(name + ".out").toFile());
        }
        return builder.start();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on this machine", e);
        }
    }

    /** Kills every process started here and what they started (executors first), with SIGKILL. */
    @Override
    public synchronized void close() {
        for (Process p : processes) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        processes.clear();
        try (var links = Files.list(directory.resolve("spark-home/jars"))) {
            for (Path link : links.toList()) {   // the links to Maven's jars, so no one follows them
                Files.deleteIfExists(link);
            }
        } catch (IOException e) {
            // the temporary folder is deleted with them
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        } catch (IllegalStateException shuttingDown) {
            // close() runs as the hook itself
        }
    }
}
