package org.descent.data;

import static org.descent.data.IdxFiles.cut;
import static org.descent.data.IdxFiles.gzip;
import static org.descent.data.IdxFiles.images;
import static org.descent.data.IdxFiles.labels;
import static org.descent.data.IdxFiles.ramp;
import static org.descent.data.IdxFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.descent.DescentException;
import org.descent.tensor.Shape;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void roundTripRawAndGzip(boolean compressed) throws IOException {
        byte[] pixels = ramp(3, 2, 4);
        byte[] imageFile = images(3, 2, 4, pixels);
        byte[] labelFile = labels(new byte[] {2, 0, (byte) 200});
        // the name says nothing about compression: detection is by the gzip magic
        Path imagePath = write(dir.resolve("images.idx"), compressed ? gzip(imageFile) : imageFile);
        Path labelPath = write(dir.resolve("labels.idx"), compressed ? gzip(labelFile) : labelFile);

        Tensor x = IdxReader.readImages(imagePath);
        assertEquals(Shape.of(3, 8), x.shape());
        for (int i = 0; i < pixels.length; i++) {
            assertEquals(pixels[i] & 0xff, x.get(i), 0.0, "pixel " + i);
        }
        assertArrayEquals(new int[] {2, 0, 200}, IdxReader.readLabels(labelPath));
    }

    @Test
    void pairBecomesClassificationDataset() throws IOException {
        Path images = write(dir.resolve("i"), images(4, 1, 2, ramp(4, 1, 2)));
        Path labels = write(dir.resolve("l"), labels(new byte[] {1, 2, 0, 2}));
        Dataset data = IdxReader.read(images, labels, null);
        assertEquals(4, data.size());
        assertEquals(2, data.featureCount());
        assertEquals(3, data.classes());
        assertArrayEquals(new int[] {1, 2, 0, 2}, data.labels());
        assertEquals(Shape.of(4, 3), data.targets().shape());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void chosenRowsAreThoseRowsOfTheWholeFileInTheOrderAsked(boolean compressed) throws IOException {
        byte[] imageFile = images(5, 2, 3, ramp(5, 2, 3));
        byte[] labelFile = labels(new byte[] {9, 0, 9, 4, 0});   // sparse labels: renumbered as for the whole file
        Path images = write(dir.resolve("i"), compressed ? gzip(imageFile) : imageFile);
        Path labels = write(dir.resolve("l"), compressed ? gzip(labelFile) : labelFile);
        Dataset all = IdxReader.read(images, labels, null);
        int[] rows = {3, 0, 3, 1};
        Dataset chosen = IdxReader.read(images, labels, null, labelsOnly -> {
            assertEquals(5, labelsOnly.size());
            assertEquals(0, labelsOnly.featureCount());
            assertArrayEquals(all.labels(), labelsOnly.labels());
            return rows;
        });
        Dataset expected = all.subset(rows);
        assertArrayEquals(expected.features().toDoubleArray(), chosen.features().toDoubleArray());
        assertArrayEquals(expected.labels(), chosen.labels());
        assertEquals(all.classes(), chosen.classes());
        assertEquals(all.classNames(), chosen.classNames());
        assertArrayEquals(expected.features().toDoubleArray(), IdxReader.readImages(images, rows).toDoubleArray());
    }

    @Test
    void aRowBeyondTheFileIsRefusedNamingTheCount() throws IOException {
        Path images = write(dir.resolve("i"), images(2, 1, 2, ramp(2, 1, 2)));
        DescentException e = assertThrows(DescentException.class, () -> IdxReader.readImages(images, new int[] {0, 2}));
        assertEquals("i holds 2 images; image 2 was asked for", e.getMessage());
    }

    @Test
    void truncatedGzipStreamNamesFileAndOffset() throws IOException {
        byte[] full = gzip(images(50, 10, 10, ramp(50, 10, 10)));
        Path file = write(dir.resolve("t10k-images-idx3-ubyte.gz"), cut(full, full.length / 2));
        DescentException e = assertThrows(DescentException.class, () -> IdxReader.readImages(file));
        assertMessage(e, "t10k-images-idx3-ubyte.gz: gzip stream truncated or corrupt at byte ",
                "expected 5016 bytes (16-byte header + 50 images of 10×10 pixels)");
    }

    @Test
    void headerLargerThanDataIsTruncation() throws IOException {
        byte[] full = images(10, 28, 28, ramp(10, 28, 28));
        Path file = write(dir.resolve("train-images-idx3-ubyte"), cut(full, 1000));
        DescentException e = assertThrows(DescentException.class, () -> IdxReader.readImages(file));
        assertEquals("train-images-idx3-ubyte: truncated at byte 1000, expected 7856 bytes "
                + "(16-byte header + 10 images of 28×28 pixels)", e.getMessage());
    }

    @Test
    void truncatedHeader() throws IOException {
        Path file = write(dir.resolve("short"), cut(labels(new byte[] {1, 2}), 6));
        DescentException e = assertThrows(DescentException.class, () -> IdxReader.readLabels(file));
        assertEquals("short: truncated at byte 6, expected an 8-byte IDX label header", e.getMessage());
    }

    @Test
    void dataBeyondTheHeaderSizesIsRefused() throws IOException {
        byte[] labelFile = labels(new byte[] {1, 2, 3});
        Path file = write(dir.resolve("labels"), gzip(java.util.Arrays.copyOf(labelFile, labelFile.length + 5)));
        DescentException e = assertThrows(DescentException.class, () -> IdxReader.readLabels(file));
        assertMessage(e, "labels: unexpected data after byte 11, expected 11 bytes (8-byte header + 3 labels)");
    }

    @Test
    void wrongMagicIsNamed() throws IOException {
        Path labelsGivenAsImages = write(dir.resolve("train-labels-idx1-ubyte"), labels(new byte[] {1}));
        DescentException e = assertThrows(DescentException.class, () -> IdxReader.readImages(labelsGivenAsImages));
        assertEquals("train-labels-idx1-ubyte: magic number 0x00000801 at byte 0 (this is a labels file), "
                + "expected 0x00000803 for IDX images (unsigned bytes, 3 dimensions)", e.getMessage());

        Path text = write(dir.resolve("notes.txt"), "hello world, not IDX".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        e = assertThrows(DescentException.class, () -> IdxReader.readLabels(text));
        assertMessage(e, "notes.txt: magic number 0x68656C6C at byte 0", "expected 0x00000801");
    }

    @Test
    void negativeDimensionIsRefused() throws IOException {
        byte[] file = images(1, 2, 2, ramp(1, 2, 2));
        file[8] = (byte) 0xff; // rows = 0xff000002
        Path path = write(dir.resolve("bad"), file);
        DescentException e = assertThrows(DescentException.class, () -> IdxReader.readImages(path));
        assertEquals("bad: rows 4278190082 at byte 8 is not a valid size", e.getMessage());
    }

    @Test
    void countMismatchNamesBothCounts() throws IOException {
        Path images = write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(images(3, 2, 2, ramp(3, 2, 2))));
        Path labels = write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(new byte[] {0, 1})));
        DescentException e = assertThrows(DescentException.class, () -> IdxReader.read(images, labels, null));
        assertEquals("train-images-idx3-ubyte.gz holds 3 images but train-labels-idx1-ubyte.gz holds 2 labels; "
                + "they must be a matching pair", e.getMessage());
    }

    @Test
    void folderWithStandardNamesRawOrGzip() throws IOException {
        write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(images(4, 2, 2, ramp(4, 2, 2))));
        write(dir.resolve("train-labels-idx1-ubyte"), labels(new byte[] {0, 1, 1, 0}));
        write(dir.resolve("t10k-images-idx3-ubyte"), images(2, 2, 2, ramp(2, 2, 2)));
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(labels(new byte[] {1, 0})));
        IdxFolder folder = new IdxFolder(dir, List.of("no", "yes"));
        Dataset train = folder.train();
        Dataset test = folder.test();
        assertEquals(4, train.size());
        assertEquals(2, test.size());
        assertEquals("yes", test.className(test.label(0)));
    }

    @Test
    void missingFilesAndFoldersSayWhatIsExpected() throws IOException {
        write(dir.resolve("train-images-idx3-ubyte"), images(1, 1, 1, new byte[1]));
        DescentException e = assertThrows(DescentException.class, () -> new IdxFolder(dir, null).train());
        assertEquals("neither train-labels-idx1-ubyte nor train-labels-idx1-ubyte.gz is in " + dir, e.getMessage());

        Path absent = dir.resolve("nowhere");
        e = assertThrows(DescentException.class, () -> FashionMnist.folder(absent));
        assertMessage(e, "Fashion-MNIST not found: " + absent, "apt-get install dataset-fashion-mnist", "--data-dir");
        e = assertThrows(DescentException.class, () -> IdxReader.readLabels(absent));
        assertEquals(absent + ": no such file", e.getMessage());
    }

    static void assertMessage(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected \"" + part + "\" in: " + e.getMessage());
        }
    }
}
