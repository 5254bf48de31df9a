package org.descent.bench;

import java.util.concurrent.TimeUnit;
import org.descent.tensor.Parallelism;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One SGD step of the 784-256-128-10 ReLU MLP with softmax cross-entropy ({@link MlpStep}). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainingStepBenchmark {
    @Param({"32", "128", "512"})
    int batch;

    @Param({"1"})
    int threads;

    private MlpStep step;

    @Setup
    public void setUp() {
        Parallelism.setThreads(threads);
        step = new MlpStep(new int[] {784, 256, 128, 10}, batch, 0.1, 1);
    }

    @Benchmark
    public double trainingStep() {
        return step.step();
    }
}
