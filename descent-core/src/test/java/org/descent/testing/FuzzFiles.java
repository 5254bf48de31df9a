package org.descent.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Fuzz inputs as files: one temporary file per name, rewritten for each input, deleted at exit. */
public final class FuzzFiles {
    private static Path directory;

    private FuzzFiles() {
    }

    /** {@code bytes} written to the temporary file {@code name}. */
    public static synchronized Path write(String name, byte[] bytes) {
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("descent-fuzz");
                directory.toFile().deleteOnExit();
            }
            Path file = directory.resolve(name);
            Files.write(file, bytes);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code bytes} gzip-compressed. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
