package org.descent.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Writes tiny IDX files for the tests: a big-endian header, then the values big-endian. */
final class IdxFiles {
    private IdxFiles() {
    }

    static byte[] images(int count, int rows, int columns, byte[] pixels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxReader.IMAGES_MAGIC);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(columns);
        out.write(pixels);
        return bytes.toByteArray();
    }

    static byte[] labels(byte[] labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxReader.LABELS_MAGIC);
        out.writeInt(labels.length);
        out.write(labels);
        return bytes.toByteArray();
    }

    /** A file of {@code type} with sizes {@code dims}, each value written as that type. */
    static byte[] typed(IdxType type, int[] dims, double... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(type.code << 8 | dims.length);
        for (int size : dims) {
            out.writeInt(size);
        }
        for (double v : values) {
            switch (type) {
                case UNSIGNED_BYTE, SIGNED_BYTE -> out.writeByte((int) v);
                case SHORT -> out.writeShort((int) v);
                case INT -> out.writeInt((int) v);
                case FLOAT -> out.writeFloat((float) v);
                case DOUBLE -> out.writeDouble(v);
            }
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] data) throws IOException {
        return Files.write(file, data);
    }

    static byte[] cut(byte[] data, int length) {
        return Arrays.copyOf(data, length);
    }

    /** Pixels 0, 1, 2, ... (mod 256) for {@code count} images of rows×columns. */
    static byte[] ramp(int count, int rows, int columns) {
        byte[] pixels = new byte[count * rows * columns];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 37);
        }
        return pixels;
    }
}
