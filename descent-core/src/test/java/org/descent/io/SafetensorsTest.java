package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.descent.tensor.DType;
import org.descent.tensor.Shape;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    private static final String VECTOR_HEADER = "{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}";

    /** The format's test vector: header length 0x40, the header JSON, then 0..5 as F32 little-endian. */
    static byte[] testVector() {
        ByteBuffer b = ByteBuffer.allocate(8 + 64 + 24).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0x40).put(VECTOR_HEADER.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 6; i++) {
            b.putFloat(i);
        }
        return b.array();
    }

    @Test
    void encodesTheTestVectorByteForByte() {
        Tensor t = Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 1, 2, 3);
        byte[] bytes = Safetensors.encode(new SafetensorsContent(Map.of("attn.0", t)));
        assertEquals(64, VECTOR_HEADER.length());
        assertArrayEquals(testVector(), bytes);
    }

    @Test
    void encodesEmptyFilesLikeTheReferenceImplementation() {
        byte[] empty = {8, 0, 0, 0, 0, 0, 0, 0, '{', '}', ' ', ' ', ' ', ' ', ' ', ' '};
        assertArrayEquals(empty, Safetensors.encode(new SafetensorsContent(Map.of())));
        String header = "{\"__metadata__\":{\"framework\":\"pt\"}}     ";
        byte[] withMetadata = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN).putLong(40)
                .put(header.getBytes(StandardCharsets.US_ASCII)).array();
        assertArrayEquals(withMetadata, Safetensors.encode(new SafetensorsContent(Map.of(), Map.of("framework", "pt"))));
        assertEquals(Map.of("framework", "pt"), Safetensors.decode(withMetadata, "vector").metadata());
    }

    @Test
    void decodesTheTestVector() {
        SafetensorsContent content = Safetensors.decode(testVector(), "vector");
        Tensor t = content.tensors().get("attn.0");
        assertEquals(List.of("attn.0"), List.copyOf(content.tensors().keySet()));
        assertEquals(Shape.of(1, 2, 3), t.shape());
        assertEquals(DType.FLOAT32, t.dtype());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, t.floatData());
        assertEquals(Map.of(), content.metadata());
    }

    @Test
    void padsTheHeaderWithSpacesToAMultipleOfEight() {
        byte[] bytes = Safetensors.encode(new SafetensorsContent(Map.of("a", Tensor.of(new float[] {1}, 1))));
        long length = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(bytes, 8, (int) length, StandardCharsets.UTF_8);
        assertEquals(0, length % 8);
        assertEquals("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}  ", header);
    }

    @Test
    void roundTripsFloat32AndFloat64Bitwise(@TempDir Path dir) {
        float[] floats = {0f, -0f, 1.5f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY,
            Float.intBitsToFloat(0x7fc00123), 1e-40f, (float) Math.PI};
        double[] doubles = {0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Math.E, -1e-310, 1.0 / 3};
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("layers.0.weight", Tensor.of(floats, 2, 5));
        tensors.put("scalar", Tensor.of(new double[] {42.5}));
        tensors.put("empty", Tensor.zeros(DType.FLOAT32, 0, 3));
        tensors.put("doubles", Tensor.of(doubles, 2, 2, 2));
        Map<String, String> metadata = Map.of("note", "ünïcode \"quoted\"\n", "format", "pt");
        Path file = dir.resolve("t.safetensors");
        Safetensors.write(file, new SafetensorsContent(tensors, metadata));

        SafetensorsContent back = Safetensors.read(file);
        assertEquals(List.copyOf(tensors.keySet()), List.copyOf(back.tensors().keySet()));
        assertEquals(metadata, back.metadata());
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor b = back.tensors().get(e.getKey());
            assertEquals(e.getValue().shape(), b.shape(), e.getKey());
            assertEquals(e.getValue().dtype(), b.dtype(), e.getKey());
        }
        float[] floatsBack = back.tensors().get("layers.0.weight").floatData();
        for (int i = 0; i < floats.length; i++) {
            assertEquals(Float.floatToRawIntBits(floats[i]), Float.floatToRawIntBits(floatsBack[i]), "float " + i);
        }
        double[] doublesBack = back.tensors().get("doubles").doubleData();
        for (int i = 0; i < doubles.length; i++) {
            assertEquals(Double.doubleToRawLongBits(doubles[i]), Double.doubleToRawLongBits(doublesBack[i]), "double " + i);
        }
        assertEquals(42.5, back.tensors().get("scalar").item());
        assertArrayEquals(Safetensors.encode(new SafetensorsContent(tensors, metadata)), readBytes(file));
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
