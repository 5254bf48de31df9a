package org.descent.data;

import static org.descent.data.IdxFiles.gzip;
import static org.descent.data.IdxFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.descent.testing.Bounded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, reproducers 2 and 3: IDX sizes are checked before they are trusted. */
class IdxSizesTest {
    @TempDir
    Path dir;

    private static byte[] header(int magic, int... sizes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int size : sizes) {
            out.writeInt(size);
        }
        return bytes.toByteArray();
    }

    @Test
    void labelCountBeyondTheFileIsRefusedBeforeAllocating() throws IOException {
        byte[] file = header(0x00000801, 0x7fffffff);
        Path path = write(dir.resolve("labels"), file);
        var e = Bounded.refused(file.length, () -> IdxReader.readLabels(path));
        assertEquals("labels: truncated at byte 8, expected 2147483655 bytes (8-byte header + 2147483647 labels)",
                e.getMessage());
    }

    @Test
    void millionImagesInASixteenByteHeaderAllocateNothing() throws IOException {
        byte[] file = header(0x00000803, 1_000_000, 28, 28);
        Path raw = write(dir.resolve("raw"), file);
        Bounded.refused(file.length, () -> IdxReader.readImages(raw), "raw: truncated at byte 16, expected 784000016 bytes");
        byte[] compressed = gzip(file);
        Path gz = write(dir.resolve("gz"), compressed);
        Bounded.refused(compressed.length, () -> IdxReader.readImages(gz),
                "gz: header announces 784000016 bytes", "expands to at most");
    }

    @Test
    void gzipDataGrowsItsArraysOnlyAsItArrives() throws IOException {
        // 50 million labels announced (a 200 MB array), 60 000 incompressible bytes present: within
        // gzip's 1032:1 ratio, so only reading can tell, and the array must grow as the data arrives.
        byte[] present = new byte[60_000];
        new java.util.Random(12).nextBytes(present);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(header(0x00000801, 50_000_000));
        bytes.write(present);
        byte[] compressed = gzip(bytes.toByteArray());
        Path cut = write(dir.resolve("cut.gz"), compressed);
        Bounded.refused(compressed.length, () -> IdxReader.readLabels(cut), "cut.gz: truncated at byte 60008");
        Path whole = write(dir.resolve("whole.gz"), gzip(IdxFiles.labels(new byte[70_000])));
        assertEquals(70_000, IdxReader.readLabels(whole).length);
    }

    @Test
    void sizeProductsThatOverflowAreRefused() throws IOException {
        byte[] negative = header(0x00000803, 3, 2147483647, 2147483646);
        Path a = write(dir.resolve("a"), negative);
        Bounded.refused(negative.length, () -> IdxReader.readImages(a), "a: header announces images of 2147483647×2147483646",
                "more than one tensor holds");

        byte[] silent = new byte[19];
        System.arraycopy(header(0x00000803, 3, 2147483647, 2147483647), 0, silent, 0, 16);
        Path b = write(dir.resolve("b"), silent);
        Bounded.refused(silent.length, () -> IdxReader.readImages(b), "b: header announces images of 2147483647×2147483647");

        byte[] zero = header(0x00000803, 16, 1 << 30, 1 << 30);
        Path c = write(dir.resolve("c"), zero);
        Bounded.refused(zero.length, () -> IdxReader.readImages(c), "c: header announces images of 1073741824×1073741824");

        byte[] wide = header(0x00000E03, 1 << 30, 1 << 16, 1 << 16);   // doubles: bytes overflow 64 bits
        Path d = write(dir.resolve("d"), wide);
        Bounded.refused(wide.length, () -> IdxReader.readImages(d), "d: header announces");
    }

    @Test
    void emptyImageSetWithHugeRowsIsRefusedNotMisread() throws IOException {
        byte[] file = header(0x00000803, 0, 1 << 20, 1 << 20);
        Path path = write(dir.resolve("e"), file);
        Bounded.refused(file.length, () -> IdxReader.readImages(path), "more than one tensor holds");
    }
}
