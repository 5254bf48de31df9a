/**
 * Data: a {@link org.descent.data.Dataset} of float32 features and targets, readers for IDX
 * (MNIST, Fashion-MNIST) and CSV files, small data sets embedded in the jar
 * ({@link org.descent.data.EmbeddedData}), and the preparation steps of training:
 * {@link org.descent.data.OneHot} targets, {@link org.descent.data.Normalize} fitted on the
 * training split only, deterministic {@link org.descent.data.Split}s and shuffled
 * {@link org.descent.data.Batches}.
 */
package org.descent.data;
