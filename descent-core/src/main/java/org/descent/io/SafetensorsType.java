package org.descent.io;

import org.descent.tensor.DType;

/** The safetensors element types Descent reads and writes, with their size in bytes. */
enum SafetensorsType {
    F32(DType.FLOAT32, Float.BYTES),
    F64(DType.FLOAT64, Double.BYTES);

    final DType dtype;
    final int bytes;

    SafetensorsType(DType dtype, int bytes) {
        this.dtype = dtype;
        this.bytes = bytes;
    }

    static SafetensorsType of(DType dtype) {
        return dtype == DType.FLOAT32 ? F32 : F64;
    }

    /** The type named {@code code} ("F32"), or null if Descent does not support it. */
    static SafetensorsType fromCode(String code) {
        for (SafetensorsType t : values()) {
            if (t.name().equals(code)) {
                return t;
            }
        }
        return null;
    }
}
