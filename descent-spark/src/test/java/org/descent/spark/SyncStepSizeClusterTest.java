package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a synchronous step of the Fashion-MNIST network (784-256-128-10, 235,146 weights) sends on
 * a real standalone cluster, from Spark's own figures: each step task's serialized size, which the
 * driver's scheduler logs at launch ("Starting task ... N bytes"), at most 16 KB; and each step
 * task's result size, from the task metrics of the driver's REST API
 * ({@code /api/v1/applications/<id>/stages?details=true}), at most 1 MB (Spark's limit for direct
 * results). The data are 300 random 784-feature rows of a CSV file: the sizes depend on the network,
 * not on the data.
 */
@Tag("cluster")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SyncStepSizeClusterTest {
    private static final Pattern STARTING = Pattern.compile("Starting task \\S+ in stage (\\d+)\\.\\d+ .* (\\d+) bytes\\)");
    private static final Duration RUN = Duration.ofMinutes(5);

    @Test
    void aStepsTaskIsAtMost16KbAndItsResultAtMost1Mb(@TempDir Path directory) throws Exception {
        Path csv = wideCsv(directory);
        Path logging = Files.writeString(directory.resolve("driver-log4j2.properties"), String.join("\n",
                "rootLogger.level = warn", "rootLogger.appenderRef.stderr.ref = console",
                "appender.console.type = Console", "appender.console.name = console",
                "appender.console.target = SYSTEM_ERR", "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %m%n",
                "logger.tasks.name = org.apache.spark.scheduler.TaskSetManager", "logger.tasks.level = info", ""));
        int ui = StandaloneCluster.freePort();
        try (StandaloneCluster cluster = StandaloneCluster.start(directory, 2, Duration.ofMinutes(3))) {
            DriverProcess driver = cluster.driver("driver-sync", List.of("--data", csv.toString(), "--mode", "sync",
                    "--partitions", "2", "--hidden", "256,128", "--epochs", "100", "--batch", "64", "--warmup-steps", "0"),
                    "-Dspark.ui.port=" + ui, "-Dlog4j2.configurationFile=" + logging.toUri());
            driver.await("epoch   2/", RUN);
            List<Long> results = new ArrayList<>();
            List<Integer> stepStages = new ArrayList<>();
            for (JsonNode stage : get(ui, "/api/v1/applications/" + get(ui, "/api/v1/applications").get(0).get("id")
                    .asText() + "/stages?details=true&status=complete")) {
                if (stage.get("name").asText().contains("SparkTrainer.java")) {
                    stepStages.add(stage.get("stageId").asInt());
                    stage.get("tasks").forEach(task -> results.add(task.get("taskMetrics").get("resultSize").asLong()));
                }
            }
            driver.kill();   // the REST API has what it needs; the run would go on for minutes
            List<Long> tasks = new ArrayList<>();
            for (String line : Files.readAllLines(cluster.log("driver-sync"))) {
                Matcher m = STARTING.matcher(line);
                if (m.find() && stepStages.contains(Integer.parseInt(m.group(1)))) {
                    tasks.add(Long.parseLong(m.group(2)));
                }
            }
            assertFalse(results.isEmpty() || tasks.isEmpty(), "no step stage seen: stages " + stepStages);
            long task = tasks.stream().mapToLong(Long::longValue).max().orElseThrow();
            long result = results.stream().mapToLong(Long::longValue).max().orElseThrow();
            System.out.printf(Locale.ROOT, "%d step tasks, the largest %d bytes; %d results, the largest %d bytes%n",
                    tasks.size(), task, results.size(), result);
            assertTrue(task <= 16 * 1024, "a step's task of " + task + " bytes: " + tasks);
            assertTrue(result <= 1024 * 1024, "a step's result of " + result + " bytes: " + results);
        }
    }

    private static JsonNode get(int port, String path) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body);
    }

    /** 300 rows of 784 random pixels and a label of 10 classes. */
    private static Path wideCsv(Path directory) throws Exception {
        Random random = new Random(3);
        StringBuilder csv = new StringBuilder();
        for (int row = 0; row < 300; row++) {
            for (int j = 0; j < 784; j++) {
                csv.append(random.nextInt(256)).append(',');
            }
            csv.append(row % 10).append('\n');
        }
        return Files.writeString(directory.resolve("wide.csv"), csv);
    }
}
