package org.descent.spark;

import java.io.Serializable;
import java.util.function.Supplier;
import org.descent.loss.Loss;

/**
 * Makes the loss on each executor: a serializable supplier, so that {@code CrossEntropy::new} or
 * {@code () -> CrossEntropy.withPyTorchSmoothing(0.1)} travels to the cluster with the task
 * (the loss objects themselves are not serializable).
 */
@FunctionalInterface
public interface LossFactory extends Supplier<Loss>, Serializable {
}
