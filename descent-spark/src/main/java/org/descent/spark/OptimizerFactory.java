package org.descent.spark;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;
import org.descent.nn.Parameter;
import org.descent.optim.Optimizer;

/**
 * Makes an optimizer over a network's parameters, on the driver and on each executor: a
 * serializable function, so that {@code p -> new Adam(p, 0.001)} travels with the task.
 */
@FunctionalInterface
public interface OptimizerFactory extends Function<List<Parameter>, Optimizer>, Serializable {
}
