/**
 * The training loop: {@link org.descent.train.Trainer} runs epochs of mini-batch (or full-batch)
 * gradient descent and reports to {@link org.descent.train.TrainingListener}s; early stopping,
 * the divergence check and the lecture's stop rules are listeners, not flags.
 */
package org.descent.train;
