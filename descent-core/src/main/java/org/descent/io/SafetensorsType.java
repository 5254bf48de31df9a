package org.descent.io;

import org.descent.tensor.DType;

/**
 * The safetensors element types Descent reads, with their size in bytes. F32 and F64 are read and
 * written as they are; F16 (IEEE half) and BF16 (bfloat16), as PyTorch saves half-precision
 * weights, are read and converted to float32 exactly (every F16 and BF16 value is a float32 value),
 * and are never written.
 */
enum SafetensorsType {
    F32(DType.FLOAT32, Float.BYTES),
    F64(DType.FLOAT64, Double.BYTES),
    F16(DType.FLOAT32, 2),
    BF16(DType.FLOAT32, 2);

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

    /** The float32 value of the 16 bits {@code bits} of this type (F16 or BF16). */
    float toFloat(short bits) {
        int b = bits & 0xffff;
        if (this == BF16) {
            return Float.intBitsToFloat(b << 16);
        }
        int sign = (b & 0x8000) << 16;
        int exponent = (b >>> 10) & 0x1f;
        int mantissa = b & 0x3ff;
        if (exponent == 0x1f) {                 // infinity or NaN (payload kept)
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {                    // zero or subnormal: mantissa × 2^-24
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
