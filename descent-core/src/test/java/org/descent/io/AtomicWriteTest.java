package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.descent.DescentException;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed save never damages an existing file and leaves no temporary file behind. */
class AtomicWriteTest {
    @TempDir
    Path dir;

    private static final byte[] OLD = "the previous model".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aTensorThatCannotBeSerializedLeavesTheExistingFileUntouched() throws IOException {
        Path file = dir.resolve("model.safetensors");
        Files.write(file, OLD);
        Map<String, Tensor> tensors = Map.of("__metadata__", Tensor.of(new float[] {1}, 1));
        String message = assertThrows(DescentException.class,
                () -> Safetensors.write(file, new SafetensorsContent(tensors))).getMessage();
        assertTrue(message.contains("cannot name a tensor '__metadata__'"), message);
        assertArrayEquals(OLD, Files.readAllBytes(file));
        assertEquals(List.of(file), listing());
    }

    @Test
    void aFailedMoveRemovesTheTemporaryFileAndKeepsTheDestination() throws IOException {
        Path destination = Files.createDirectory(dir.resolve("model.safetensors"));
        Files.write(destination.resolve("inside"), OLD);
        Model model = Model.create(NetworkSpecTest.mnistMlp(), new Random(1));
        String message = assertThrows(DescentException.class, () -> ModelFile.save(destination, model)).getMessage();
        assertTrue(message.startsWith("cannot write " + destination + ": "), message);
        assertArrayEquals(OLD, Files.readAllBytes(destination.resolve("inside")));
        assertEquals(List.of(destination), listing());
    }

    @Test
    void anUnwritableDestinationGivesOneErrorNamingThePath() throws IOException {
        Path notADirectory = Files.write(dir.resolve("file"), OLD);
        Path destination = notADirectory.resolve("model.safetensors");
        Model model = Model.create(NetworkSpecTest.mnistMlp(), new Random(1));
        String message = assertThrows(DescentException.class, () -> ModelFile.save(destination, model)).getMessage();
        assertTrue(message.startsWith("cannot write " + destination + ": "), message);
        assertTrue(message.contains("check that the directory exists and is writable"), message);
        assertEquals(List.of(notADirectory), listing());
    }

    @Test
    void replacingKeepsThePermissionsOfTheReplacedFile() throws IOException {
        Path file = dir.resolve("model.safetensors");
        Safetensors.write(file, new SafetensorsContent(Map.of("a", Tensor.of(new float[] {1}, 1))));
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return;
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        Safetensors.write(file, new SafetensorsContent(Map.of("b", Tensor.of(new float[] {2}, 1))));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of("b"), List.copyOf(Safetensors.read(file).tensors().keySet()));
    }
}
