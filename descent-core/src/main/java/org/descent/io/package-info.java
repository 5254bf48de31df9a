/**
 * Model files: a {@link org.descent.io.Safetensors} reader and writer (the format PyTorch's
 * {@code safetensors} package reads), a {@link org.descent.io.NetworkSpec} that describes a network
 * so it can be rebuilt (its {@link org.descent.io.Topology}, a sequential stack or a graph of
 * layers named through {@link org.descent.nn.LayerRegistry}, and its input scaling, the
 * {@link org.descent.data.Normalize} fitted for training, written as JSON by {@code SpecJson}),
 * and {@link org.descent.io.ModelFile}, which stores both with the network's state map in one
 * {@code .safetensors} file, written atomically.
 *
 * <p>This package is why descent-core depends on Jackson: the safetensors header and the network
 * description are JSON.
 */
package org.descent.io;
