package org.descent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Averaging on a real standalone cluster (a Master and two one-core Workers, each a JVM, and the
 * drivers as further JVMs, all on 127.0.0.1): an executor killed with SIGKILL mid-run, then a
 * driver killed mid-run and a new one resumed from its checkpoint. Each run must end with the
 * weights, bit for bit (their SHA-256), of the same run on {@code local[2]} in this JVM.
 */
@Tag("cluster")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class StandaloneClusterTest {
    private static final Duration RUN = Duration.ofMinutes(6);

    private static List<String> digits(int epochs, String... more) {
        List<String> args = new ArrayList<>(List.of("--data", "digits", "--mode", "average", "--partitions", "2",
                "--epochs", String.valueOf(epochs), "--batch", "64", "--hidden", "32", "--lr", "0.01", "--seed", "7"));
        args.addAll(Arrays.asList(more));
        return args;
    }

    private static String weightsOnLocalSpark(List<String> args) {
        return "weights sha256 " + Weights.sha256(SparkRun.train(SparkRun.parse(args.toArray(String[]::new)),
                LocalSpark.context()).network());
    }

    @Test
    void survivesTheLossOfAnExecutorAndOfTheDriverWithTheSameWeights(@TempDir Path directory) throws Exception {
        List<String> longRun = digits(30);
        List<String> shortRun = digits(8);
        String longWeights = weightsOnLocalSpark(longRun);
        String shortWeights = weightsOnLocalSpark(shortRun);
        try (StandaloneCluster cluster = StandaloneCluster.start(directory, 2, Duration.ofMinutes(3))) {
            DriverProcess run = cluster.driver("driver-executor-lost", longRun);
            run.await("epoch   2/", RUN);
            String killed = cluster.killExecutor(0);
            List<String> out = run.finish(RUN);
            assertTrue(out.contains(longWeights), "expected " + longWeights + " after executor " + killed
                    + " was killed; the driver printed " + out);
            // Spark recomputes the lost shard on a live executor: the replacement, when it registered in
            // time, or the survivor, and then the next round repacks the shards ("shards repacked over
            // the live executors"). Either way both workers must hold a shard at the end.
            List<String> last = Arrays.asList(run.await("executors of the last round's partitions: ", RUN)
                    .replaceFirst(".*: ", "").split(", "));
            assertEquals(2, last.stream().distinct().count(), "both workers hold a shard again: " + last);
            assertTrue(!last.contains(killed), "the killed executor " + killed + " is gone: " + last);

            Path checkpoint = directory.resolve("run.ckpt");
            DriverProcess lost = cluster.driver("driver-killed", digits(8, "--checkpoint", checkpoint.toString()));
            lost.await("epoch   3/", RUN);
            List<String> before = lost.kill();
            int printed = (int) before.stream().filter(line -> line.startsWith("epoch ")).count();
            assertNotEquals(8, printed, "the driver was to be killed mid-run: " + before);
            DriverProcess resumed = cluster.driver("driver-resumed", digits(8, "--resume", checkpoint.toString(),
                    "--checkpoint", checkpoint.toString()));
            String resuming = resumed.await("resuming after epoch ", RUN);
            int done = Integer.parseInt(resuming.replaceFirst("resuming after epoch (\\d+) .*", "$1"));
            // The checkpoint of the last epoch printed may still have been being written (AsyncCheckpoint).
            assertTrue(done >= printed - 1, "at most one averaging round (an epoch here) lost: " + printed
                    + " epochs printed, the checkpoint holds " + done);
            out = resumed.finish(RUN);
            assertTrue(out.contains(shortWeights), "expected " + shortWeights + " after the resume; the driver printed "
                    + out);
        }
    }
}
