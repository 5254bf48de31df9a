/**
 * Dense row-major tensors in float32 (the fast default) or float64 (gradient checks and
 * minimization), their operations, and the kernels behind them.
 */
package org.descent.tensor;
