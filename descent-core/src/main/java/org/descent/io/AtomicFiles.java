package org.descent.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.descent.DescentException;

/**
 * Writes a whole file or nothing: the bytes go to a temporary file in the destination's directory,
 * are forced to disk, and the temporary file is then renamed over the destination with an atomic
 * move. A crash leaves either the old file or the new one, never half of one, and a failed write
 * leaves an existing file untouched and no temporary file behind.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Checks up front, by creating and deleting a temporary file beside it, that
     * {@code destination} can be written, so a long run does not fail only at its end.
     */
    public static void requireWritable(Path destination) {
        Path target = destination.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new DescentException("cannot write " + destination + ": it is a directory; give a file name");
        }
        try {
            Files.delete(Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp"));
        } catch (IOException e) {
            throw new DescentException("cannot write " + destination + ": " + describe(e)
                    + "; check that the directory exists and is writable", e);
        }
    }

    public static void write(Path destination, byte[] bytes) {
        Path target = destination.toAbsolutePath();
        Path directory = target.getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
            keepPermissions(target, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            DescentException failure = new DescentException("cannot write " + destination + ": " + describe(e)
                    + "; check that the directory exists and is writable and that the path is not a directory", e);
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException cleanup) {
                    failure.addSuppressed(cleanup);
                }
            }
            throw failure;
        }
    }

    /**
     * Gives the new file the permissions of the file it replaces, or rw-r--r-- (instead of the
     * temporary file's owner-only rw-------), where the file system has POSIX permissions.
     */
    private static void keepPermissions(Path target, Path temporary) throws IOException {
        if (!temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.isRegularFile(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temporary, permissions);
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
}
