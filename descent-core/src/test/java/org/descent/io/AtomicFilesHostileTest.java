package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, reproducers 18, 19 and 22: temporary files a kill left are removed; long names can be
 * written; a symbolic link as the destination is replaced by a regular file, as docs/RELIABILITY.md says.
 */
class AtomicFilesHostileTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSymbolicLinkIsReplacedAndWhatItPointedToIsUntouched() throws IOException {
        Path target = Files.write(dir.resolve("target.bin"), new byte[] {1, 2});
        Path link = Files.createSymbolicLink(dir.resolve("model.safetensors"), target);
        AtomicFiles.write(link, new byte[] {3});
        assertFalse(Files.isSymbolicLink(link));
        assertArrayEquals(new byte[] {3}, Files.readAllBytes(link));
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(target));
    }

    @Test
    void aTemporaryFileLeftByAKilledRunIsRemovedByTheNextWrite() throws IOException {
        Path model = dir.resolve("model.safetensors");
        Path stale = Files.write(dir.resolve(AtomicFiles.prefix(model) + "8137264512.tmp"), new byte[] {1});
        Files.setLastModifiedTime(stale, FileTime.from(System.currentTimeMillis() - TimeUnit.DAYS.toMillis(1),
                TimeUnit.MILLISECONDS));
        Path fresh = Files.write(dir.resolve(AtomicFiles.prefix(model) + "99.tmp"), new byte[] {2});
        Path other = Files.write(dir.resolve(".notes.txt-5.tmp"), new byte[] {3});
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(stale));
        AtomicFiles.write(model, new byte[] {4});
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh), "a temporary file that may still be written is kept");
        assertTrue(Files.exists(other), "another file's temporary file is not ours to remove");
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(model));
    }

    @Test
    void aNameOfTwoHundredFiftyFiveBytesCanBeWritten() throws IOException {
        String name = "m".repeat(240) + ".safetensors".substring(0, 15 - 3) + "abc";
        assertEquals(255, name.length());
        Path model = dir.resolve(name);
        AtomicFiles.requireWritable(model);
        AtomicFiles.write(model, new byte[] {7});
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(model));
        assertEquals(List.of(name), names());
        String wide = "é".repeat(127);   // 254 bytes in UTF-8
        AtomicFiles.write(dir.resolve(wide), new byte[] {8});
        assertArrayEquals(new byte[] {8}, Files.readAllBytes(dir.resolve(wide)));
    }
}
