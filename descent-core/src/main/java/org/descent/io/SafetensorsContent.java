package org.descent.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.descent.tensor.Tensor;

/**
 * What a safetensors file holds: named tensors (in the order of their data in the file) and the
 * string-to-string {@code __metadata__}. Both maps are unmodifiable copies.
 */
public record SafetensorsContent(Map<String, Tensor> tensors, Map<String, String> metadata) {

    public SafetensorsContent {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(tensors, "tensors")));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata")));
    }

    /** Tensors without metadata. */
    public SafetensorsContent(Map<String, Tensor> tensors) {
        this(tensors, Map.of());
    }
}
