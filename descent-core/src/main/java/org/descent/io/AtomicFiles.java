package org.descent.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
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
 * move, and the directory is forced too, so the rename itself survives a power cut. A crash
 * leaves either the old file or the new one, never half of one, and a failed write leaves an
 * existing file untouched and no temporary file behind. A temporary file that a killed process
 * ({@code kill -9}) left is removed by the next write of the same file once it is an hour old.
 * The temporary name is {@code .<first 64 characters of the name>-<random>.tmp}, so a name of
 * any length the file system accepts can be written.
 *
 * <p>A destination that is a symbolic link is replaced by a regular file (the link itself is
 * renamed over, as {@code mv} would); the file it pointed to is left as it was.
 */
public final class AtomicFiles {
    /** A temporary file this old is taken for one a killed process left behind. */
    private static final long STALE_MILLIS = 60 * 60 * 1000L;
    /** Characters of the destination's name kept in the temporary name (each up to 4 UTF-8 bytes). */
    private static final int NAME_PREFIX = 48;

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
            Files.delete(Files.createTempFile(target.getParent(), prefix(target), ".tmp"));
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
            temporary = Files.createTempFile(directory, prefix(target), ".tmp");
            keepPermissions(target, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(directory);
            removeStale(directory, prefix(target));
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

    /** The temporary files' prefix for {@code target}: a dot and the start of its name. */
    static String prefix(Path target) {
        String name = String.valueOf(target.getFileName());
        int end = name.offsetByCodePoints(0, Math.min(NAME_PREFIX, name.codePointCount(0, name.length())));
        return "." + name.substring(0, end) + "-";
    }

    /** Forces the directory entry of the rename to disk, where the platform can (Linux can; some cannot). */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform opens a directory; the file's own data was forced before the rename.
        }
    }

    /** Deletes temporary files of the same destination older than {@link #STALE_MILLIS}: a killed run's. */
    private static void removeStale(Path directory, String prefix) {
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> temporaries = Files.newDirectoryStream(directory, path -> {
            String name = String.valueOf(path.getFileName());
            return name.startsWith(prefix) && name.endsWith(".tmp")
                    && name.substring(prefix.length(), name.length() - 4).chars().allMatch(Character::isDigit);
        })) {
            for (Path temporary : temporaries) {
                if (now - Files.getLastModifiedTime(temporary).toMillis() > STALE_MILLIS) {
                    Files.deleteIfExists(temporary);
                }
            }
        } catch (IOException e) {
            // Best effort: a stale temporary file is litter, not damage.
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
}
