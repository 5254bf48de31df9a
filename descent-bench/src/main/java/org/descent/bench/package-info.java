/**
 * Benchmarks: JMH benchmarks for GEMM and one MLP training step, and {@link
 * org.descent.bench.Throughput}, the Descent side of {@code bench/compare-pytorch}. None of them
 * runs during the build.
 */
package org.descent.bench;
