package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.descent.tensor.Shape;
import org.descent.testing.Bounded;
import org.junit.jupiter.api.Test;

/** Issue 12, reproducer 4: a shape's element count is computed in long and checked, whatever its order. */
class SafetensorsSizesTest {
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

    @Test
    void emptyTensorWithHugeLeadingDimensionsParses() {
        byte[] bytes = file("{\"w\":{\"dtype\":\"F32\",\"shape\":[65536,65536,0],\"data_offsets\":[0,0]}}", 0);
        SafetensorsContent[] content = new SafetensorsContent[1];
        assertNull(Bounded.check(bytes.length, () -> content[0] = Safetensors.decode(bytes, "empty.safetensors")));
        assertEquals(Shape.of(65536, 65536, 0), content[0].tensors().get("w").shape());
        assertEquals(0, content[0].tensors().get("w").size());
    }

    @Test
    void shapeBeyondOneTensorIsRefusedByTheFileLength() {
        byte[] bytes = file("{\"w\":{\"dtype\":\"F32\",\"shape\":[65536,65536,1],\"data_offsets\":[0,17179869184]}}", 0);
        Bounded.refused(bytes.length, () -> Safetensors.decode(bytes, "big.safetensors"),
                "big.safetensors", "past the end of the file");
    }

    @Test
    void shapeWhoseByteCountOverflowsIsRefused() {
        byte[] bytes = file("{\"w\":{\"dtype\":\"F64\",\"shape\":[2147483647,2147483647,2147483647],"
                + "\"data_offsets\":[0,8]}}", 8);
        Bounded.refused(bytes.length, () -> Safetensors.decode(bytes, "wide.safetensors"), "too large to address");
    }
}
