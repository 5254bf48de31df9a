package org.descent.data;

import static org.descent.data.IdxFiles.cut;
import static org.descent.data.IdxFiles.gzip;
import static org.descent.data.IdxFiles.typed;
import static org.descent.data.IdxFiles.write;
import static org.descent.data.IdxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.descent.DescentException;
import org.descent.tensor.Shape;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every IDX element type, written big-endian by {@code DataOutputStream}, raw and gzip. */
class IdxTypesTest {
    @TempDir
    Path dir;

    /** Per type: six values as written (2 images of 1×3) and the float32 features expected. */
    static Stream<Arguments> images() {
        return Stream.of(
                Arguments.of(IdxType.UNSIGNED_BYTE, new double[] {0, 1, 127, 128, 200, 255},
                        new float[] {0, 1, 127, 128, 200, 255}),
                Arguments.of(IdxType.SIGNED_BYTE, new double[] {-128, -1, 0, 1, 100, 127},
                        new float[] {-128, -1, 0, 1, 100, 127}),
                Arguments.of(IdxType.SHORT, new double[] {-32768, -300, -1, 0, 1000, 32767},
                        new float[] {-32768, -300, -1, 0, 1000, 32767}),
                // 2^24 + 1 and the int extremes round to the nearest float32
                Arguments.of(IdxType.INT, new double[] {-2147483648, -70000, 0, 16777217, 16777216, 2147483647},
                        new float[] {-2147483648f, -70000, 0, 16777216, 16777216, 2147483648f}),
                Arguments.of(IdxType.FLOAT, new double[] {-1.5, -0.0, 1.4e-45, 0.1f, 3.4028235e38, -3.4028235e38},
                        new float[] {-1.5f, -0.0f, 1.4e-45f, 0.1f, 3.4028235e38f, -3.4028235e38f}),
                Arguments.of(IdxType.DOUBLE, new double[] {-2.5, 0.1, 1e-300, -1e-300, 1e30, 16777217},
                        new float[] {-2.5f, 0.1f, 0f, -0f, 1e30f, 16777216}));
    }

    static Stream<Arguments> imagesRawAndGzip() {
        return images().flatMap(a -> Stream.of(false, true).map(gz -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], gz)));
    }

    @ParameterizedTest(name = "{0}, gzip {3}")
    @MethodSource("imagesRawAndGzip")
    void readsImagesOfEveryType(IdxType type, double[] values, float[] expected, boolean compressed) throws IOException {
        byte[] file = typed(type, new int[] {2, 1, 3}, values);
        assertEquals(16 + 6 * type.size, file.length);
        Tensor x = IdxReader.readImages(write(dir.resolve("images"), compressed ? gzip(file) : file));
        assertEquals(Shape.of(2, 3), x.shape());
        assertArrayEquals(expected, x.floatData(), type.toString());
    }

    @ParameterizedTest(name = "{0}, gzip {3}")
    @MethodSource("imagesRawAndGzip")
    void truncatedImagesNameTheOffsetAndTheType(IdxType type, double[] values, float[] expected, boolean compressed)
            throws IOException {
        byte[] full = typed(type, new int[] {2, 1, 3}, values);
        int length = 16 + 4 * type.size + type.size / 2;   // mid-value for the wider types
        Path file = write(dir.resolve("t.idx"), compressed ? gzip(cut(full, length)) : cut(full, length));
        DescentException e = assertThrows(DescentException.class, () -> IdxReader.readImages(file));
        String note = type == IdxType.UNSIGNED_BYTE ? "" : ", " + (type.size == 1 ? "" : type.size + "-byte ")
                + type.description + "s";
        assertEquals("t.idx: truncated at byte " + length + ", expected " + full.length + " bytes (16-byte header + 2 images"
                + " of 1×3 pixels" + note + ")", e.getMessage());
    }

    @Test
    void typesAreNamedInMessages() {
        assertEquals("", IdxType.UNSIGNED_BYTE.note());
        assertEquals(", signed bytes", IdxType.SIGNED_BYTE.note());
        assertEquals(", 2-byte shorts", IdxType.SHORT.note());
        assertEquals(", 8-byte doubles", IdxType.DOUBLE.note());
    }

    @Test
    void cutGzipStreamOfDoublesNamesTheOffset() throws IOException {
        double[] values = new double[3 * 100 * 100];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 7) - 3.25;
        }
        byte[] gz = gzip(typed(IdxType.DOUBLE, new int[] {3, 100, 100}, values));
        Path file = write(dir.resolve("d.gz"), cut(gz, gz.length - 30));
        assertMessage(assertThrows(DescentException.class, () -> IdxReader.readImages(file)),
                "d.gz: gzip stream truncated or corrupt at byte ",
                "expected 240016 bytes (16-byte header + 3 images of 100×100 pixels, 8-byte doubles)");
    }

    @Test
    void valuesAcrossReadChunksKeepTheirOffsets() throws IOException {
        // 30,000 doubles span four 64 KiB reads; value 10,000 lies in the second
        double[] values = new double[3 * 100 * 100];
        for (int i = 0; i < values.length; i++) {
            values[i] = -i * 0.5;
        }
        Tensor x = IdxReader.readImages(write(dir.resolve("ok"), typed(IdxType.DOUBLE, new int[] {3, 100, 100}, values)));
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], x.get(i), 0.0, "value " + i);
        }
        values[10_000] = Double.NaN;
        Path nan = write(dir.resolve("nan"), typed(IdxType.DOUBLE, new int[] {3, 100, 100}, values));
        assertEquals("nan: value NaN at byte 80016 is not a finite number; features must be finite float32 values",
                assertThrows(DescentException.class, () -> IdxReader.readImages(nan)).getMessage());
    }

    @Test
    void nonFiniteAndOutOfRangeFeaturesAreRefused() throws IOException {
        Path inf = write(dir.resolve("inf"), typed(IdxType.FLOAT, new int[] {1, 1, 2}, 1, Double.NEGATIVE_INFINITY));
        assertEquals("inf: value -Infinity at byte 20 is not a finite number; features must be finite float32 values",
                assertThrows(DescentException.class, () -> IdxReader.readImages(inf)).getMessage());
        Path huge = write(dir.resolve("huge"), typed(IdxType.DOUBLE, new int[] {1, 1, 2}, -1e300, 0));
        assertEquals("huge: value -1.0E300 at byte 16 is beyond the float32 range ±3.4028235E38; features must be "
                + "finite float32 values", assertThrows(DescentException.class, () -> IdxReader.readImages(huge)).getMessage());
    }

    @ParameterizedTest
    @MethodSource("integralTypes")
    void readsLabelsOfEveryIntegerTypeRawAndGzip(IdxType type) throws IOException {
        int top = type == IdxType.SIGNED_BYTE ? 127 : 255;
        byte[] file = typed(type, new int[] {4}, 3, 0, top, 1);
        assertArrayEquals(new int[] {3, 0, top, 1}, IdxReader.readLabels(write(dir.resolve("l"), file)));
        assertArrayEquals(new int[] {3, 0, top, 1}, IdxReader.readLabels(write(dir.resolve("l.gz"), gzip(file))));

        Path cut = write(dir.resolve("cut"), cut(file, 8 + 3 * type.size - 1));
        assertMessage(assertThrows(DescentException.class, () -> IdxReader.readLabels(cut)),
                "cut: truncated at byte " + (8 + 3 * type.size - 1) + ", expected " + file.length + " bytes (8-byte header + 4 labels");
        Path cutGz = write(dir.resolve("cut.gz"), gzip(cut(file, 8 + type.size)));
        assertMessage(assertThrows(DescentException.class, () -> IdxReader.readLabels(cutGz)),
                "cut.gz: truncated at byte " + (8 + type.size) + ", expected " + file.length + " bytes");
    }

    static Stream<IdxType> integralTypes() {
        return Stream.of(IdxType.values()).filter(IdxType::integral);
    }

    @Test
    void negativeAndHugeLabelsAreRefusedWithTheirOffset() throws IOException {
        Path signed = write(dir.resolve("s"), typed(IdxType.SIGNED_BYTE, new int[] {3}, 2, -1, 0));
        assertEquals("s: label -1 at byte 9 is not a class number in 0..65535",
                assertThrows(DescentException.class, () -> IdxReader.readLabels(signed)).getMessage());
        Path shorts = write(dir.resolve("h"), typed(IdxType.SHORT, new int[] {2}, 4, -32768));
        assertEquals("h: label -32768 at byte 10 is not a class number in 0..65535",
                assertThrows(DescentException.class, () -> IdxReader.readLabels(shorts)).getMessage());
        Path ints = write(dir.resolve("i"), typed(IdxType.INT, new int[] {3}, 65535, 7, 65536));
        assertEquals("i: label 65536 at byte 16 is not a class number in 0..65535",
                assertThrows(DescentException.class, () -> IdxReader.readLabels(ints)).getMessage());
        assertArrayEquals(new int[] {65535, 7}, IdxReader.readLabels(write(dir.resolve("ok"),
                typed(IdxType.INT, new int[] {2}, 65535, 7))));
    }

    @Test
    void floatLabelsAreRefusedNotTruncated() throws IOException {
        Path floats = write(dir.resolve("labels-float"), typed(IdxType.FLOAT, new int[] {2}, 1, 2.5));
        assertEquals("labels-float: IDX type code 0x0D float in byte 2 of magic number 0x00000D01, but labels are class "
                + "numbers: a float file is refused rather than truncated; expected an integer type (0x08 unsigned byte, "
                + "0x09 signed byte, 0x0B short, 0x0C int)",
                assertThrows(DescentException.class, () -> IdxReader.readLabels(floats)).getMessage());
        Path doubles = write(dir.resolve("d.gz"), gzip(typed(IdxType.DOUBLE, new int[] {1}, 1)));
        assertMessage(assertThrows(DescentException.class, () -> IdxReader.readLabels(doubles)),
                "d.gz: IDX type code 0x0E double in byte 2 of magic number 0x00000E01", "refused rather than truncated");
    }

    @Test
    void unknownTypeCodeListsTheKnownOnes() throws IOException {
        byte[] file = typed(IdxType.UNSIGNED_BYTE, new int[] {1, 1, 1}, 0);
        file[2] = 0x0A;
        Path path = write(dir.resolve("odd"), file);
        assertEquals("odd: unknown IDX type code 0x0A in byte 2 of magic number 0x00000A03; the known codes are "
                + "0x08 unsigned byte, 0x09 signed byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double",
                assertThrows(DescentException.class, () -> IdxReader.readImages(path)).getMessage());
    }

    @Test
    void wrongDimensionCountNamesTheFilesType() throws IOException {
        Path labels = write(dir.resolve("f"), typed(IdxType.FLOAT, new int[] {1}, 1));
        assertEquals("f: magic number 0x00000D01 at byte 0 (this is a labels file), expected 0x00000D03 for IDX images "
                + "(floats, 3 dimensions)", assertThrows(DescentException.class, () -> IdxReader.readImages(labels)).getMessage());
        Path images = write(dir.resolve("g"), typed(IdxType.SHORT, new int[] {1, 1, 1}, 1));
        assertEquals("g: magic number 0x00000B03 at byte 0 (this is an images file), expected 0x00000B01 for IDX labels "
                + "(shorts, 1 dimension)", assertThrows(DescentException.class, () -> IdxReader.readLabels(images)).getMessage());
    }

    @Test
    void dataAfterTheAnnouncedValuesIsRefused() throws IOException {
        byte[] full = typed(IdxType.INT, new int[] {1, 1, 2}, -1, -2);
        Path file = write(dir.resolve("extra"), java.util.Arrays.copyOf(full, full.length + 2));
        assertEquals("extra: unexpected data after byte 24, expected 24 bytes (16-byte header + 1 images of 1×2 pixels, "
                + "4-byte ints) and nothing more; the header's sizes do not match the file",
                assertThrows(DescentException.class, () -> IdxReader.readImages(file)).getMessage());
    }

    @Test
    void floatImagesWithShortLabelsMakeADataset() throws IOException {
        Path images = write(dir.resolve("images.gz"), gzip(typed(IdxType.FLOAT, new int[] {3, 1, 2}, -1, 0.5, 2, -3, 4, 5)));
        Path labels = write(dir.resolve("labels"), typed(IdxType.SHORT, new int[] {3}, 2, 0, 1));
        Dataset data = IdxReader.read(images, labels, List.of("a", "b", "c"));
        assertArrayEquals(new float[] {-1, 0.5f, 2, -3, 4, 5}, data.features().floatData());
        assertArrayEquals(new int[] {2, 0, 1}, data.labels());
        assertEquals("c", data.className(data.label(0)));
    }
}
