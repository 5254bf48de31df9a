package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.descent.DescentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of broken file is refused with a message naming the file, the byte offset and what was expected. */
class SafetensorsCorruptionTest {

    /** A file with {@code header} (padded to 8) followed by {@code dataBytes} zero bytes. */
    private static byte[] file(String header, int dataBytes) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(8 + padded + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(padded).put(json);
        while (b.position() < 8 + padded) {
            b.put((byte) ' ');
        }
        return b.array();
    }

    private static String refused(byte[] bytes) {
        return assertThrows(DescentException.class, () -> Safetensors.decode(bytes, "broken.safetensors")).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "message lacks '" + part + "': " + message);
        }
    }

    @Test
    void truncatedBeforeTheHeaderLength() {
        assertMentions(refused(new byte[5]), "broken.safetensors", "byte 0", "truncated to 5 bytes",
                "expected at least 8 bytes");
    }

    @Test
    void truncatedData() {
        byte[] whole = SafetensorsTest.testVector();
        assertMentions(refused(Arrays.copyOf(whole, whole.length - 4)), "broken.safetensors", "byte 72", "'attn.0'",
                "[0, 24]", "data section holds 20 bytes", "expected end <= 20");
    }

    @Test
    void headerLengthPastTheEndOfTheFile() {
        byte[] bytes = SafetensorsTest.testVector();
        bytes[0] = (byte) 0xF0;
        assertMentions(refused(bytes), "broken.safetensors", "byte 0", "header length 240", "96 bytes",
                "expected at most 88");
        Arrays.fill(bytes, 0, 8, (byte) 0xFF);
        assertMentions(refused(bytes), "header length 18446744073709551615", "expected at most 88");
    }

    @Test
    void malformedJson() {
        assertMentions(refused(file("{\"a\":{\"dtype\":\"F32\",,}}", 0)), "broken.safetensors", "byte 28",
                "not well-formed JSON", "expected a JSON object");
        assertMentions(refused(file("[1,2]", 0)), "byte 8", "expected a JSON object");
        assertMentions(refused(file("{} {}", 0)), "byte 11", "expected only space padding");
        String entry = "{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}";
        assertMentions(refused(file("{\"a\":" + entry + ",\"a\":" + entry + "}", 0)), "not well-formed JSON",
                "Duplicate field 'a'");
    }

    @Test
    void offsetsOutOfRange() {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}}";
        assertMentions(refused(file(header, 16)), "broken.safetensors", "byte 72", "'w'", "[8, 24]",
                "data section holds 16 bytes", "expected end <= 16");
    }

    @Test
    void offsetsWithAGap() {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}";
        assertMentions(refused(file(header, 12)), "broken.safetensors", "byte 128", "'b'",
                "expected it to begin at 4, right after tensor 'a'", "contiguous");
    }

    @Test
    void bytesAfterTheLastTensor() {
        String header = "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}";
        assertMentions(refused(file(header, 12)), "byte 72", "holds 12 bytes but the tensors cover 8",
                "expected no bytes after the last tensor");
    }

    @Test
    void unknownDtype() {
        String header = "{\"a\":{\"dtype\":\"I8\",\"shape\":[2],\"data_offsets\":[0,2]}}";
        assertMentions(refused(file(header, 2)), "broken.safetensors", "byte 9", "'a'", "unsupported dtype 'I8'",
                "expected F32, F64, F16 or BF16");
    }

    @Test
    void shapeThatDoesNotMatchTheByteRange() {
        String header = "{\"pad\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[4,20]}}";
        assertMentions(refused(file(header, 20)), "broken.safetensors", "byte 63", "'a'", "(16 bytes)",
                "needs 24 bytes", "expected end - begin = 24");
    }

    @Test
    void malformedEntries() {
        assertMentions(refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}", 0)),
                "byte 9", "expected non-negative integer dimensions");
        assertMentions(refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4]}}", 0)),
                "expected [begin, end] as two integers");
        assertMentions(refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", 0)),
                "expected 0 <= begin <= end");
        assertMentions(refused(file("{\"__metadata__\":{\"k\":1}}", 0)), "byte 9", "expected a string");
    }

    @Test
    void readNamesTheFile(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("cut.safetensors");
        Files.write(path, new byte[3]);
        String message = assertThrows(DescentException.class, () -> Safetensors.read(path)).getMessage();
        assertMentions(message, path.toString(), "byte 0");
        Path missing = dir.resolve("missing.safetensors");
        assertMentions(assertThrows(DescentException.class, () -> Safetensors.read(missing)).getMessage(),
                "cannot read safetensors file " + missing);
    }
}
