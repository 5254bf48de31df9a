/**
 * The numeric kernels behind tensor operations and fused layers: {@link
 * org.descent.internal.kernel.Kernels}, its scalar and Vector API implementations, the tile and
 * blocking table per vector width ({@link org.descent.internal.kernel.VectorWidth}) and the
 * kernel threads. <b>Not public API</b>: the package is internal to Descent and may change in any
 * release; users set the thread count through {@code org.descent.tensor.Parallelism} and force a
 * vector width with the system property {@code descent.vectorBits}.
 */
package org.descent.internal.kernel;
