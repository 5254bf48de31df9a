package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.io.Model;
import org.descent.io.NetworkSpec;
import org.descent.loss.CrossEntropy;
import org.descent.nn.LayerSpec;
import org.descent.optim.Adam;
import org.descent.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/**
 * What a step sends: Spark's own figures. The serialized size of each task is the number of bytes
 * the scheduler logs when it launches it ({@code TaskSetManager}: "Starting task ... N bytes"); the
 * size of each result comes from the task metrics. The digits are 300 KB of samples, so a task that
 * carried its partition's samples would be ~150 KB; a float64 gradient of the 2410 weights is 19 KB.
 */
class TaskSizeTest {
    private static final Pattern STARTING = Pattern.compile("Starting task .* (\\d+) bytes\\)");

    @Test
    void aStepsTaskCarriesNoSamplesAndItsResultIsFloat32() throws Exception {
        JavaSparkContext spark = LocalSpark.context();
        List<Long> taskBytes = new CopyOnWriteArrayList<>();
        List<Long> resultBytes = new CopyOnWriteArrayList<>();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = logging.getConfiguration();
        String scheduler = "org.apache.spark.scheduler.TaskSetManager";
        AbstractAppender appender = new AbstractAppender("task-sizes", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                Matcher m = STARTING.matcher(event.getMessage().getFormattedMessage());
                if (m.find()) {
                    taskBytes.add(Long.parseLong(m.group(1)));
                }
            }
        };
        appender.start();
        LoggerConfig logger = new LoggerConfig(scheduler, Level.INFO, false);
        logger.addAppender(appender, Level.INFO, null);
        configuration.addLogger(scheduler, logger);
        logging.updateLoggers();
        SparkListener results = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskMetrics() != null) {
                    resultBytes.add(end.taskMetrics().resultSize());
                }
            }
        };
        spark.sc().addSparkListener(results);
        try {
            Dataset digits = Normalize.standardize(EmbeddedData.digits()).apply(EmbeddedData.digits());
            NetworkSpec spec = new NetworkSpec(64, List.of(LayerSpec.linear(32), LayerSpec.activation("relu"),
                    LayerSpec.linear(10)), "classification", "cross-entropy", 10, List.of(), null);
            Model model = Model.create(spec, new Random(1));
            new SparkTrainer(model, CrossEntropy::new, new Adam(model.network().parameters(), 0.01),
                    new TrainingConfig(1, 600, 1)).fit(SparkTrainer.distribute(spark, digits, 2));
            spark.sc().listenerBus().waitUntilEmpty();
        } finally {
            spark.sc().removeSparkListener(results);
            configuration.removeLogger(scheduler);
            logging.updateLoggers();
            appender.stop();
        }
        assertFalse(taskBytes.isEmpty(), "no task launch was logged");
        long largestTask = taskBytes.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(largestTask <= 16 * 1024, "a task of " + largestTask + " bytes: " + taskBytes);
        long largestResult = resultBytes.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(largestResult < 2410 * 6, "a result of " + largestResult + " bytes (float64 would be 19 KB): "
                + resultBytes);
        System.out.println("task bytes " + taskBytes + ", result bytes " + resultBytes);
    }
}
