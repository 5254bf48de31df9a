/**
 * Model files: a {@link org.descent.io.Safetensors} reader and writer (the format PyTorch's
 * {@code safetensors} package reads), a {@link org.descent.io.NetworkSpec} that describes a network
 * so it can be rebuilt (its input scaling is the {@link org.descent.data.Normalize} fitted for
 * training, written as JSON by {@code SpecJson}), and {@link org.descent.io.ModelFile}, which
 * stores both in one {@code .safetensors} file, written atomically.
 *
 * <p>This package is why descent-core depends on Jackson: the safetensors header and the network
 * description are JSON.
 */
package org.descent.io;
