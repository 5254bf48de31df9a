package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each corrupt input is one line on stderr, exit code 2, and leaves existing files alone. */
class BadDataTest {
    @TempDir
    Path dir;

    private static byte[] idx(int magic, int count, int rows, int cols) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        if (magic == 0x803) {
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(new byte[count * rows * cols]);
        } else {
            out.write(new byte[count]);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    /** A folder with the four IDX files, 6 training and 4 test images of 2×2. */
    private Path folder(byte[] trainImages, byte[] trainLabels) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("idx"));
        Files.write(folder.resolve("train-images-idx3-ubyte.gz"), gzip(trainImages));
        Files.write(folder.resolve("train-labels-idx1-ubyte.gz"), gzip(trainLabels));
        Files.write(folder.resolve("t10k-images-idx3-ubyte.gz"), gzip(idx(0x803, 4, 2, 2)));
        Files.write(folder.resolve("t10k-labels-idx1-ubyte.gz"), gzip(idx(0x801, 4, 0, 0)));
        return folder;
    }

    private CliRun train(Path data, String... more) throws IOException {
        Path model = dir.resolve("model.safetensors");
        Files.writeString(model, "an earlier model");
        String[] args = {"train", "--quiet", "--data", data.toString(), "--out", model.toString()};
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        CliRun run = CliRun.of(all);
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("descent: "), run.err());
        assertEquals("an earlier model", Files.readString(model), "the existing model must be untouched");
        return run;
    }

    @Test
    void truncatedGzip() throws IOException {
        Path folder = folder(idx(0x803, 6, 2, 2), idx(0x801, 6, 0, 0));
        Path images = folder.resolve("train-images-idx3-ubyte.gz");
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(whole, whole.length - 12));
        assertTrue(train(folder).err().contains("train-images-idx3-ubyte.gz"));
    }

    @Test
    void wrongMagicNumber() throws IOException {
        Path folder = folder(idx(0x804, 6, 2, 2), idx(0x801, 6, 0, 0));
        String err = train(folder).err();
        assertTrue(err.contains("magic") && err.contains("0x00000803"), err);
    }

    @Test
    void imageAndLabelCountsDisagree() throws IOException {
        Path folder = folder(idx(0x803, 6, 2, 2), idx(0x801, 5, 0, 0));
        String err = train(folder).err();
        assertTrue(err.contains("6") && err.contains("5"), err);
    }

    @Test
    void csvWithAMissingValueNamesRowAndColumn() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "1,2,0\n3,,1\n");
        String err = train(csv).err();
        assertTrue(err.contains("bad.csv") && err.contains("row 2") && err.contains("column 2"), err);
    }

    @Test
    void csvWithTextInANumericColumn() throws IOException {
        Path csv = dir.resolve("text.csv");
        Files.writeString(csv, "1,2,0\n3,abc,1\n");
        String err = train(csv).err();
        assertTrue(err.contains("row 2") && err.contains("abc"), err);
    }

    @Test
    void labelOutOfRange() throws IOException {
        Path csv = dir.resolve("labels.csv");
        Files.writeString(csv, "3,2,a,b\n1,2,0\n3,4,1\n5,6,7\n");
        String err = train(csv).err();
        assertTrue(err.contains("label 7"), err);
    }

    @Test
    void missingFashionMnistSaysHowToGetIt() throws IOException {
        String err = train(Path.of("fashion-mnist"), "--data-dir", dir.resolve("absent").toString()).err();
        assertTrue(err.contains("apt-get install dataset-fashion-mnist"), err);
    }

    @Test
    void corruptModelFileIsRefusedAndLeftAlone() throws IOException {
        Path model = dir.resolve("broken.safetensors");
        byte[] junk = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        Files.write(model, junk);
        CliRun run = CliRun.of("evaluate", "--model", model.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("broken.safetensors"), run.err());
        assertArrayEquals(junk, Files.readAllBytes(model));
    }
}
