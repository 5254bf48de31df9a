package org.descent.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.descent.internal.kernel.Kernels;
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

/** Square float32 {@code C = A · B} through the active kernels; GFLOP/s = 2n³ / time. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBenchmark {
    @Param({"256", "1024", "2048"})
    int n;

    @Param({"1"})
    int threads;

    private float[] a;
    private float[] b;
    private float[] c;

    @Setup
    public void setUp() {
        Parallelism.setThreads(threads);
        Random random = new Random(1);
        a = new float[n * n];
        b = new float[n * n];
        c = new float[n * n];
        for (int i = 0; i < n * n; i++) {
            a[i] = random.nextFloat();
            b[i] = random.nextFloat();
        }
    }

    @Benchmark
    public float[] gemm() {
        Kernels.active().gemm(a, b, c, n, n, n, false, false);
        return c;
    }
}
