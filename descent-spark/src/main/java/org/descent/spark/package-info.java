/**
 * Data-parallel training of a Descent network on Apache Spark: {@link org.descent.spark.SparkTrainer}
 * spreads the samples over the executors, which compute the gradients of their share of each
 * mini-batch with Descent's autograd, and the driver adds them and steps any Descent optimizer.
 */
package org.descent.spark;
