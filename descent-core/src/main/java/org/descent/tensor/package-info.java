/**
 * Dense row-major tensors in float32 (the fast default) or float64 (gradient checks and
 * minimization) and their operations. The kernels behind them live in
 * {@code org.descent.internal.kernel}, which is not public API.
 */
package org.descent.tensor;
