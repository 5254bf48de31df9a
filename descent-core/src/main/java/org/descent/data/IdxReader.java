package org.descent.data;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.descent.DescentException;
import org.descent.Sizes;
import org.descent.tensor.Tensor;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST, raw or gzip-compressed. A file is a
 * big-endian magic number {@code 0x0000ttnn} (type code tt, nn dimensions), one big-endian
 * 32-bit size per dimension, then the values in row-major order, big-endian: images
 * {@code 0x0000tt03} [count, rows, columns], labels {@code 0x0000tt01} [count]. The type codes
 * are those of LeCun's MNIST page: 0x08 unsigned byte (MNIST's images {@code 0x00000803} and
 * labels {@code 0x00000801}), 0x09 signed byte, 0x0B short (2 bytes), 0x0C int (4 bytes),
 * 0x0D float (4 bytes), 0x0E double (8 bytes). Labels must be of an integer type.
 *
 * <p>The header is checked against the data: a wrong magic number, an unknown type code, a
 * truncated file or gzip stream, data left over after the announced sizes, a feature that is not
 * a finite float32 or a label outside 0..65535 raise a {@link DescentException} that names the
 * file, the byte offset and what was expected.
 */
public final class IdxReader {
    /** Magic number of an IDX file of unsigned-byte images (3 dimensions). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte labels (1 dimension). */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /**
     * The images as float32 features [count, rows·columns], each pixel its raw value (0..255 for
     * MNIST's unsigned bytes; scale with {@link Normalize}, which a model file records, so
     * predictions take raw pixels too). Byte, short and float values are exact; an int beyond
     * ±2²⁴ and a double are rounded to the nearest float32, and a value that is not a finite
     * float32 (NaN, ±∞, a double beyond ±3.4·10³⁸) is refused.
     */
    public static Tensor readImages(Path file) {
        try (IdxInput in = IdxInput.open(file)) {
            Images images = Images.read(in);
            IdxType type = images.header.type();
            int total = (int) images.pixels;
            float[] data = new float[in.compressed() ? Sizes.initialCapacity(total) : total];
            byte[] buffer = new byte[1 << 16];     // a multiple of every value size
            for (int done = 0; done < total; ) {
                if (done == data.length) {
                    data = Arrays.copyOf(data, Sizes.grow(data.length, total));
                }
                int n = Math.min(buffer.length / type.size, data.length - done);
                in.readFully(buffer, n * type.size, images.expected);
                type.toFloats(buffer, n, data, done);
                if (!type.integral()) {
                    requireFinite(in, type, buffer, n, data, done);
                }
                done += n;
            }
            in.expectEnd(images.expected);
            return Tensor.of(data, images.count, images.width);
        }
    }

    /**
     * Only the images {@code rows} (their numbers in the file, in any order, repeats allowed), as
     * features [rows.length, rows·columns] in that order, each pixel as {@link #readImages(Path)}
     * gives it. The file is still read (decompressed) up to the last image asked for, but only those
     * images are converted; nothing after it is read or checked.
     */
    public static Tensor readImages(Path file, int[] rows) {
        try (IdxInput in = IdxInput.open(file)) {
            Images images = Images.read(in);
            IdxType type = images.header.type();
            long[] byRow = new long[rows.length];   // (image number, position in rows), in file order
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] < 0 || rows[i] >= images.count) {
                    throw new DescentException(in.name() + " holds " + images.count + " images; image " + rows[i]
                            + " was asked for");
                }
                byRow[i] = (long) rows[i] << 32 | i;
            }
            Arrays.sort(byRow);
            int width = images.width;
            float[] data = new float[Sizes.elements(in.name() + ": " + rows.length + " images of " + width + " pixels",
                    rows.length, width)];
            byte[] image = new byte[width * type.size];
            for (int row = 0, next = 0; next < byRow.length; row++) {
                in.readFully(image, image.length, images.expected);
                for (; next < byRow.length && (int) (byRow[next] >>> 32) == row; next++) {
                    int at = (int) byRow[next] * width;
                    type.toFloats(image, width, data, at);
                    if (!type.integral()) {
                        requireFinite(in, type, image, width, data, at);
                    }
                }
            }
            return Tensor.of(data, rows.length, width);
        }
    }

    /** An image file's checked header: its type, sizes and the file size it announces. */
    private record Images(IdxHeader header, int count, int width, long pixels, String expected) {
        static Images read(IdxInput in) {
            IdxHeader header = IdxHeader.read(in, "images", "a 16-byte IDX image header", "image count", "rows", "columns");
            IdxType type = header.type();
            int count = header.size(0);
            int rows = header.size(1);
            int columns = header.size(2);
            int width = Sizes.elements(in.name() + ": header announces images of " + rows + "×" + columns + " pixels",
                    rows, columns);
            long pixels = Sizes.product(in.name() + ": header announces " + count + " images of " + rows + "×" + columns
                    + " pixels", count, rows, columns);
            long bytes = Sizes.product(in.name() + ": header announces " + pixels + " pixels" + type.note(), pixels, type.size);
            String expected = Math.addExact(16, bytes) + " bytes (16-byte header + " + count + " images of "
                    + rows + "×" + columns + " pixels" + type.note() + ")";
            if (pixels > Sizes.MAX_ELEMENTS) {
                throw new DescentException(in.name() + ": header announces " + expected + ", too large for one tensor (at most "
                        + Sizes.MAX_ELEMENTS + " values)");
            }
            in.requireAvailable(16 + bytes, expected);
            return new Images(header, count, width, pixels, expected);
        }
    }

    /**
     * The labels, each a class number 0..65535. Labels must be whole numbers: a float or double
     * file is refused rather than truncated, and so is a negative or larger label.
     */
    public static int[] readLabels(Path file) {
        try (IdxInput in = IdxInput.open(file)) {
            IdxHeader header = IdxHeader.read(in, "labels", "an 8-byte IDX label header", "label count");
            IdxType type = header.type();
            if (!type.integral()) {
                throw new DescentException(in.name() + ": IDX type code " + type.named() + " in byte 2 of magic number "
                        + header.magic() + ", but labels are class numbers: a " + type.description + " file is refused "
                        + "rather than truncated; expected an integer type (" + IdxType.list(true) + ")");
            }
            int count = header.size(0);
            String expected = (8 + (long) count * type.size) + " bytes (8-byte header + " + count + " labels"
                    + type.note() + ")";
            in.requireAvailable(8 + (long) count * type.size, expected);
            int[] labels = new int[in.compressed() ? Sizes.initialCapacity(count) : count];
            byte[] buffer = new byte[1 << 16];
            ByteBuffer values = ByteBuffer.wrap(buffer);
            for (int done = 0; done < count; ) {
                if (done == labels.length) {
                    labels = Arrays.copyOf(labels, Sizes.grow(labels.length, count));
                }
                int n = Math.min(buffer.length / type.size, labels.length - done);
                in.readFully(buffer, n * type.size, expected);
                for (int i = 0; i < n; i++) {
                    double label = type.value(values, i);
                    if (label < 0 || label > OneHot.MAX_LABEL) {
                        throw new DescentException(in.name() + ": label " + (long) label + " at byte "
                                + offsetOf(in, type, n, i) + " is not a class number in 0.." + OneHot.MAX_LABEL);
                    }
                    labels[done + i] = (int) label;
                }
                done += n;
            }
            in.expectEnd(expected);
            return labels;
        }
    }

    /**
     * Images and their labels as a classification dataset; the number of classes is the number
     * of names if given, else it comes from the labels present (see {@link ClassLabels}).
     */
    public static Dataset read(Path images, Path labels, List<String> classNames) {
        return labelled(images, readImages(images), labels, readLabels(labels), classNames);
    }

    /**
     * The images and labels of {@link #read(Path, Path, List)}, but only the rows {@code choose}
     * returns (in its order, read with {@link #readImages(Path, int[])}): it is given the labels as
     * a dataset without features, whose size, labels, classes and class names are those of the whole
     * pair of files, e.g. to cut a {@link Split} and read only one part of it.
     */
    public static Dataset read(Path images, Path labels, List<String> classNames, Function<Dataset, int[]> choose) {
        int count;
        try (IdxInput in = IdxInput.open(images)) {
            count = Images.read(in).count;
        }
        Dataset all = labelled(images, Tensor.of(new float[0], count, 0), labels, readLabels(labels), classNames);
        int[] rows = choose.apply(all);
        Dataset chosen = all.subset(rows);
        return new Dataset(readImages(images, rows), chosen.targets(), chosen.labels(), chosen.classes(),
                chosen.classNames());
    }

    /** The features and their labels as a classification dataset, the classes from the names or the labels. */
    private static Dataset labelled(Path images, Tensor features, Path labels, int[] classes, List<String> classNames) {
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
            ClassLabels present = ClassLabels.of(classes);
            return Dataset.classification(features, present.labels(), present.classes(), present.names());
        }
        return Dataset.classification(features, classes, count, classNames);
    }

    /** Refuses the first of the {@code n} values just read that did not become a finite float32. */
    private static void requireFinite(IdxInput in, IdxType type, byte[] buffer, int n, float[] data, int at) {
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(data[at + i])) {
                double value = type.value(ByteBuffer.wrap(buffer), i);
                throw new DescentException(in.name() + ": value " + value + " at byte " + offsetOf(in, type, n, i)
                        + (Double.isFinite(value) ? " is beyond the float32 range ±" + Float.MAX_VALUE : " is not a finite number")
                        + "; features must be finite float32 values");
            }
        }
    }

    /** The file offset of value {@code i} of the {@code n} values just read. */
    private static long offsetOf(IdxInput in, IdxType type, int n, int i) {
        return in.offset() - (long) (n - i) * type.size;
    }
}
