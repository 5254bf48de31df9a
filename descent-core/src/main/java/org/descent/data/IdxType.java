package org.descent.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The element types of the IDX format, named by byte 2 of the magic number; values are
 * big-endian (LeCun's MNIST page: 0x08 unsigned byte, 0x09 signed byte, 0x0B short, 0x0C int,
 * 0x0D float, 0x0E double).
 */
enum IdxType {
    UNSIGNED_BYTE(0x08, "unsigned byte", 1),
    SIGNED_BYTE(0x09, "signed byte", 1),
    SHORT(0x0B, "short", 2),
    INT(0x0C, "int", 4),
    FLOAT(0x0D, "float", 4),
    DOUBLE(0x0E, "double", 8);

    /** The type code in byte 2 of the magic number. */
    final int code;
    /** The type's name on LeCun's page, e.g. {@code unsigned byte}. */
    final String description;
    /** Bytes per value. */
    final int size;

    IdxType(int code, String description, int size) {
        this.code = code;
        this.description = description;
        this.size = size;
    }

    /** The type with this code, or null. */
    static IdxType of(int code) {
        for (IdxType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }

    /** Whether the values are whole numbers (what labels must be). */
    boolean integral() {
        return this != FLOAT && this != DOUBLE;
    }

    /** {@code 0x0D float}. */
    String named() {
        return String.format("0x%02X %s", code, description);
    }

    /**
     * How the values are described after a count in messages: nothing for unsigned bytes (the
     * MNIST files), else e.g. {@code ", 4-byte floats"}.
     */
    String note() {
        return this == UNSIGNED_BYTE ? "" : ", " + (size == 1 ? "" : size + "-byte ") + description + "s";
    }

    /** All types, or the integral ones only, e.g. {@code 0x08 unsigned byte, 0x09 signed byte}. */
    static String list(boolean integralOnly) {
        return Arrays.stream(values()).filter(t -> !integralOnly || t.integral()).map(IdxType::named)
                .collect(Collectors.joining(", "));
    }

    /**
     * Decodes {@code count} values from {@code bytes} into {@code out[at ..]} as float32: exact for
     * the byte types, short and float; an int above 2²⁴ in magnitude and a double are rounded to
     * the nearest float (a double beyond the float range becomes infinite, which the reader refuses).
     */
    void toFloats(byte[] bytes, int count, float[] out, int at) {
        if (this == UNSIGNED_BYTE) {   // MNIST's pixels: the common case, without the per-value switch
            for (int i = 0; i < count; i++) {
                out[at + i] = bytes[i] & 0xff;
            }
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);   // big-endian, as IDX is
        for (int i = 0; i < count; i++) {
            out[at + i] = (float) value(in, i);   // exact double, rounded once
        }
    }

    /** Value {@code index} of {@code in} exactly, as a double (every IDX value fits one). */
    double value(ByteBuffer in, int index) {
        return switch (this) {
            case UNSIGNED_BYTE -> in.get(index) & 0xff;
            case SIGNED_BYTE -> in.get(index);
            case SHORT -> in.getShort(2 * index);
            case INT -> in.getInt(4 * index);
            case FLOAT -> in.getFloat(4 * index);
            case DOUBLE -> in.getDouble(8 * index);
        };
    }
}
