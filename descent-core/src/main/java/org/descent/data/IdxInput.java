package org.descent.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.descent.DescentException;
import org.descent.Sizes;

/**
 * A byte stream over an IDX file, raw or gzip-compressed (recognized by the gzip magic bytes
 * 1f 8b, not by the name), that counts the bytes read so that every error can name the offset.
 * Offsets are in the uncompressed IDX data.
 */
final class IdxInput implements Closeable {
    private final String name;
    private final InputStream in;
    private final boolean compressed;
    private final long fileLength;
    private long offset;

    private IdxInput(String name, InputStream in, boolean compressed, long fileLength) {
        this.name = name;
        this.in = in;
        this.compressed = compressed;
        this.fileLength = fileLength;
    }

    static IdxInput open(Path file) {
        String name = String.valueOf(file.getFileName());
        try {
            long length = Files.size(file);
            BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            if (!Gzip.detect(raw)) {
                return new IdxInput(name, raw, false, length);
            }
            try {
                return new IdxInput(name, new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16), true, length);
            } catch (IOException e) {
                raw.close();
                throw new DescentException(name + ": corrupt gzip header at byte 0 (" + e.getMessage() + ")", e);
            }
        } catch (NoSuchFileException e) {
            throw new DescentException(file + ": no such file", e);
        } catch (IOException e) {
            throw new DescentException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    String name() {
        return name;
    }

    long offset() {
        return offset;
    }

    /** Whether the data is gzip-compressed (then arrays grow as the data arrives, see {@link org.descent.Sizes}). */
    boolean compressed() {
        return compressed;
    }

    /**
     * Refuses, before anything is allocated, a header that announces more bytes ({@code total},
     * described by {@code expectedTotal}) than the file can hold: the file length for raw data,
     * {@link Sizes#MAX_GZIP_RATIO} times it for gzip.
     */
    void requireAvailable(long total, String expectedTotal) {
        if (!compressed && total > fileLength) {
            throw new DescentException(name + ": truncated at byte " + fileLength + ", expected " + expectedTotal);
        }
        if (compressed && total / Sizes.MAX_GZIP_RATIO > fileLength) {
            throw new DescentException(name + ": header announces " + expectedTotal + " but a gzip file of "
                    + fileLength + " bytes expands to at most " + fileLength * Sizes.MAX_GZIP_RATIO
                    + "; the file is truncated or its header is corrupt");
        }
    }

    /** A big-endian 32-bit integer; {@code expectedTotal} describes the whole file for errors. */
    int readInt(String expectedTotal) {
        byte[] b = new byte[4];
        readFully(b, 4, expectedTotal);
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    /** Reads up to {@code length} bytes; fewer only at the end of the data. */
    void readFully(byte[] buffer, int length, String expectedTotal) {
        int done = 0;
        while (done < length) {
            int n = read(buffer, done, length - done, expectedTotal);
            if (n < 0) {
                throw new DescentException(name + ": truncated at byte " + offset + ", expected " + expectedTotal);
            }
            done += n;
        }
    }

    /** Fails if anything follows the data the header announced. */
    void expectEnd(String expectedTotal) {
        byte[] one = new byte[1];
        if (read(one, 0, 1, expectedTotal) > 0) {
            throw new DescentException(name + ": unexpected data after byte " + (offset - 1)
                    + ", expected " + expectedTotal + " and nothing more; the header's sizes do not match the file");
        }
    }

    private int read(byte[] buffer, int from, int length, String expectedTotal) {
        try {
            int n = in.read(buffer, from, length);
            if (n > 0) {
                offset += n;
            }
            return n;
        } catch (IOException e) {
            String what = compressed ? "gzip stream truncated or corrupt" : "read error";
            throw new DescentException(name + ": " + what + " at byte " + offset + " of the IDX data, expected "
                    + expectedTotal + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new DescentException(name + ": cannot close (" + e.getMessage() + ")", e);
        }
    }
}
