package org.descent.data;

import java.nio.file.Path;
import java.util.List;
import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST, raw or gzip-compressed. A file is a
 * big-endian magic number {@code 0x000008nn} (type 08 = unsigned byte, nn dimensions), one
 * big-endian 32-bit size per dimension, then the values in row-major order:
 * images {@code 0x00000803} [count, rows, columns], labels {@code 0x00000801} [count].
 *
 * <p>The header is checked against the data: a wrong magic number, a truncated file or gzip
 * stream, or data left over after the announced sizes raise a {@link DescentException} that
 * names the file, the byte offset and what was expected.
 */
public final class IdxReader {
    /** Magic number of an IDX file of unsigned-byte images (3 dimensions). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte labels (1 dimension). */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /**
     * The images as float32 features [count, rows·columns], each pixel its raw value 0..255 (scale
     * with {@link Normalize}, which a model file records, so predictions take raw pixels too).
     */
    public static Tensor readImages(Path file) {
        try (IdxInput in = IdxInput.open(file)) {
            String header = "a 16-byte IDX image header";
            checkMagic(in, in.readInt(header), IMAGES_MAGIC, "images (unsigned bytes, 3 dimensions)");
            int count = dimension(in, in.readInt(header), "image count", true);
            int rows = dimension(in, in.readInt(header), "rows", false);
            int columns = dimension(in, in.readInt(header), "columns", false);
            long pixels = (long) count * rows * columns;
            String expected = (16 + pixels) + " bytes (16-byte header + " + count + " images of "
                    + rows + "×" + columns + " pixels)";
            if (pixels > Integer.MAX_VALUE) {
                throw new DescentException(in.name() + ": header announces " + expected + ", too large for one tensor");
            }
            float[] data = new float[(int) pixels];
            byte[] buffer = new byte[1 << 16];
            for (int done = 0; done < data.length; ) {
                int n = Math.min(buffer.length, data.length - done);
                in.readFully(buffer, n, expected);
                for (int i = 0; i < n; i++) {
                    data[done + i] = buffer[i] & 0xff;
                }
                done += n;
            }
            in.expectEnd(expected);
            return Tensor.of(data, count, rows * columns);
        }
    }

    /** The labels, each 0..255. */
    public static int[] readLabels(Path file) {
        try (IdxInput in = IdxInput.open(file)) {
            String header = "an 8-byte IDX label header";
            checkMagic(in, in.readInt(header), LABELS_MAGIC, "labels (unsigned bytes, 1 dimension)");
            int count = dimension(in, in.readInt(header), "label count", true);
            String expected = (8L + count) + " bytes (8-byte header + " + count + " labels)";
            byte[] bytes = new byte[count];
            in.readFully(bytes, count, expected);
            in.expectEnd(expected);
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xff;
            }
            return labels;
        }
    }

    /**
     * Images and their labels as a classification dataset; the number of classes is the number
     * of names if given, else the largest label + 1.
     */
    public static Dataset read(Path images, Path labels, List<String> classNames) {
        Tensor features = readImages(images);
        int[] classes = readLabels(labels);
        if (features.shape().dim(0) != classes.length) {
            throw new DescentException(images.getFileName() + " holds " + features.shape().dim(0) + " images but "
                    + labels.getFileName() + " holds " + classes.length + " labels; they must be a matching pair");
        }
        int count = classNames == null || classNames.isEmpty() ? 0 : classNames.size();
        for (int label : classes) {
            if (count > 0 && label >= count) {
                throw new DescentException(labels.getFileName() + ": label " + label + " but only "
                        + count + " class names " + classNames);
            }
        }
        if (count == 0) {
            for (int label : classes) {
                count = Math.max(count, label + 1);
            }
        }
        return Dataset.classification(features, classes, Math.max(count, 1), classNames);
    }

    private static void checkMagic(IdxInput in, int magic, int expected, String what) {
        if (magic != expected) {
            String hint = magic == LABELS_MAGIC ? " (this is a labels file)"
                    : magic == IMAGES_MAGIC ? " (this is an images file)" : "";
            throw new DescentException(in.name() + ": magic number " + hex(magic) + " at byte 0" + hint
                    + ", expected " + hex(expected) + " for IDX " + what);
        }
    }

    private static int dimension(IdxInput in, int size, String what, boolean zeroAllowed) {
        if (size < 0 || (size == 0 && !zeroAllowed)) {
            throw new DescentException(in.name() + ": " + what + " " + Integer.toUnsignedString(size) + " at byte "
                    + (in.offset() - 4) + " is not a valid size");
        }
        return size;
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }
}
