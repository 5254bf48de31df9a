package org.descent.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * Reads and writes the safetensors format (the one PyTorch's {@code safetensors} package uses):
 *
 * <pre>
 * bytes 0..8       N, the header length, unsigned 64-bit little-endian
 * bytes 8..8+N     JSON: {"__metadata__":{"key":"value"},
 *                         "name":{"dtype":"F32","shape":[2,3],"data_offsets":[begin,end]}, ...}
 *                  padded with spaces so that N is a multiple of 8
 * bytes 8+N..      the tensors' data, row-major, little-endian; tensor i occupies
 *                  [8+N+begin, 8+N+end), contiguous, in the order written
 * </pre>
 *
 * Supports F32 and F64. Reading validates everything (see {@link SafetensorsHeader}); writing is
 * atomic: a failed write leaves an existing file untouched.
 */
public final class Safetensors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Safetensors() {
    }

    /** The file's bytes for {@code tensors} (written in map order) and {@code metadata}. */
    public static byte[] encode(SafetensorsContent content) {
        ObjectNode header = JSON.createObjectNode();
        if (!content.metadata().isEmpty()) {
            ObjectNode metadata = header.putObject(SafetensorsHeader.METADATA_KEY);
            content.metadata().forEach(metadata::put);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : content.tensors().entrySet()) {
            String name = e.getKey();
            if (name.isEmpty() || name.equals(SafetensorsHeader.METADATA_KEY)) {
                throw new DescentException("cannot name a tensor '" + name + "' in a safetensors file; "
                        + "use a non-empty name other than " + SafetensorsHeader.METADATA_KEY);
            }
            Tensor t = e.getValue();
            long bytes = (long) t.size() * SafetensorsType.of(t.dtype()).bytes;
            ObjectNode entry = header.putObject(name);
            entry.put("dtype", SafetensorsType.of(t.dtype()).name());
            ArrayNode shape = entry.putArray("shape");
            for (int d : t.shape().dims()) {
                shape.add(d);
            }
            entry.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        if (8L + padded + offset > Integer.MAX_VALUE - 8) {
            throw new DescentException("tensors of " + offset + " bytes are too large for one safetensors file "
                    + "written by Descent (limit 2 GiB)");
        }
        ByteBuffer out = ByteBuffer.allocate(8 + padded + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (Tensor t : content.tensors().values()) {
            ByteBuffer slice = out.slice().order(ByteOrder.LITTLE_ENDIAN);
            if (t.floatData() != null) {
                slice.asFloatBuffer().put(t.floatData());
                out.position(out.position() + t.size() * Float.BYTES);
            } else {
                slice.asDoubleBuffer().put(t.doubleData());
                out.position(out.position() + t.size() * Double.BYTES);
            }
        }
        return out.array();
    }

    /** The tensors and metadata in {@code file}; {@code source} names it in error messages. */
    public static SafetensorsContent decode(byte[] file, String source) {
        SafetensorsHeader.Parsed parsed = SafetensorsHeader.parse(file, source);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (SafetensorsHeader.Entry e : parsed.entries()) {
            ByteBuffer data = ByteBuffer.wrap(file, parsed.dataStart() + (int) e.begin(), (int) (e.end() - e.begin()))
                    .slice().order(ByteOrder.LITTLE_ENDIAN);
            int size = (int) ((e.end() - e.begin()) / e.type().bytes);
            if (e.type() == SafetensorsType.F32) {
                float[] values = new float[size];
                data.asFloatBuffer().get(values);
                tensors.put(e.name(), Tensor.of(values, e.shape()));
            } else if (e.type().bytes == 2) {
                float[] values = new float[size];
                for (int i = 0; i < size; i++) {
                    values[i] = e.type().toFloat(data.getShort(2 * i));
                }
                tensors.put(e.name(), Tensor.of(values, e.shape()));
            } else {
                double[] values = new double[size];
                data.asDoubleBuffer().get(values);
                tensors.put(e.name(), Tensor.of(values, e.shape()));
            }
        }
        return new SafetensorsContent(tensors, parsed.metadata());
    }

    /** Reads and validates the safetensors file at {@code path}. */
    public static SafetensorsContent read(Path path) {
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > Integer.MAX_VALUE - 8) {
                throw new DescentException("safetensors file " + path + " has " + size
                        + " bytes; Descent reads files up to 2 GiB");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new DescentException("cannot read safetensors file " + path + ": " + e, e);
        }
        return decode(bytes, path.toString());
    }

    /** Writes {@code content} to {@code path} atomically (see {@link AtomicFiles#write}). */
    public static void write(Path path, SafetensorsContent content) {
        AtomicFiles.write(path, encode(content));
    }
}
