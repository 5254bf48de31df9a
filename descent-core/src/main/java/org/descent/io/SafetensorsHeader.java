package org.descent.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.descent.DescentException;

/**
 * Parses and validates the header of a safetensors file: the 8-byte little-endian length N, the N
 * bytes of JSON, and the tensors' byte ranges against the data that follows. Every error names the
 * file, the byte offset and what was expected.
 */
final class SafetensorsHeader {
    static final String METADATA_KEY = "__metadata__";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** One tensor's entry; {@code begin} and {@code end} are relative to the data section. */
    record Entry(String name, SafetensorsType type, int[] shape, long begin, long end) { }

    /** The entries in data order, the metadata, and where the data section starts in the file. */
    record Parsed(List<Entry> entries, Map<String, String> metadata, int dataStart) { }

    private final byte[] file;
    private final String source;

    private SafetensorsHeader(byte[] file, String source) {
        this.file = file;
        this.source = source;
    }

    static Parsed parse(byte[] file, String source) {
        return new SafetensorsHeader(file, source).parse();
    }

    private DescentException fail(long offset, String problem) {
        return new DescentException("safetensors file " + source + ", byte " + offset + ": " + problem);
    }

    private Parsed parse() {
        if (file.length < 8) {
            throw fail(0, "file is truncated to " + file.length
                    + " bytes; expected at least 8 bytes holding the header length");
        }
        long length = 0;
        for (int i = 7; i >= 0; i--) {
            length = (length << 8) | (file[i] & 0xFF);
        }
        if (length < 0 || length > file.length - 8L) {
            throw fail(0, "header length " + Long.toUnsignedString(length) + " runs past the end of the file ("
                    + file.length + " bytes); expected at most " + (file.length - 8) + " (file truncated or not safetensors)");
        }
        int dataStart = 8 + (int) length;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(Arrays.copyOfRange(file, 8, dataStart))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw fail(8, "header does not start with '{'; expected a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                long at = 8 + parser.currentTokenLocation().getByteOffset();
                parser.nextToken();
                JsonNode value = parser.readValueAsTree();
                if (name.equals(METADATA_KEY)) {
                    readMetadata(value, at, metadata);
                } else {
                    entries.add(entry(name, value, at));
                }
            }
            if (parser.nextToken() != null) {
                throw fail(8 + parser.currentTokenLocation().getByteOffset(),
                        "unexpected content after the header object; expected only space padding");
            }
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getByteOffset());
            throw fail(8 + at,
                    "header is not well-formed JSON (" + e.getOriginalMessage() + "); expected a JSON object");
        } catch (IOException e) {
            throw new DescentException("safetensors file " + source + ": cannot read header: " + e.getMessage(), e);
        }
        checkRanges(entries, file.length - (long) dataStart, dataStart);
        entries.sort(Comparator.comparingLong(Entry::begin));
        return new Parsed(entries, metadata, dataStart);
    }

    private void readMetadata(JsonNode value, long at, Map<String, String> metadata) {
        if (!value.isObject()) {
            throw fail(at, METADATA_KEY + " is " + value.getNodeType() + "; expected an object of strings");
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (!field.getValue().isTextual()) {
                throw fail(at, METADATA_KEY + " value of '" + field.getKey() + "' is " + field.getValue().getNodeType()
                        + "; expected a string");
            }
            metadata.put(field.getKey(), field.getValue().textValue());
        }
    }

    private Entry entry(String name, JsonNode value, long at) {
        String where = "tensor '" + name + "'";
        if (!value.isObject()) {
            throw fail(at, where + " is " + value.getNodeType() + "; expected an object with dtype, shape, data_offsets");
        }
        JsonNode dtype = value.get("dtype");
        if (dtype == null || !dtype.isTextual()) {
            throw fail(at, where + " has no dtype string; expected \"F32\" or \"F64\"");
        }
        SafetensorsType type = SafetensorsType.fromCode(dtype.textValue());
        if (type == null) {
            throw fail(at, where + " has unsupported dtype '" + dtype.textValue() + "'; expected F32, F64, F16 or BF16");
        }
        JsonNode shapeNode = value.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw fail(at, where + " has no shape array; expected e.g. \"shape\":[2,3]");
        }
        int[] shape = new int[shapeNode.size()];
        long bytes = type.bytes;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToInt() || !d.isIntegralNumber() || d.intValue() < 0) {
                throw fail(at, where + " has shape " + shapeNode + "; expected non-negative integer dimensions");
            }
            shape[i] = d.intValue();
            bytes = multiply(bytes, shape[i], at, where);
        }
        JsonNode offsets = value.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2 || !offsets.get(0).canConvertToLong()
                || !offsets.get(1).canConvertToLong() || !offsets.get(0).isIntegralNumber()
                || !offsets.get(1).isIntegralNumber()) {
            throw fail(at, where + " has data_offsets " + offsets + "; expected [begin, end] as two integers");
        }
        long begin = offsets.get(0).longValue();
        long end = offsets.get(1).longValue();
        if (begin < 0 || end < begin) {
            throw fail(at, where + " has data_offsets " + offsets + "; expected 0 <= begin <= end");
        }
        if (end - begin != bytes) {
            throw fail(at, where + " has data_offsets " + offsets + " (" + (end - begin) + " bytes) but shape "
                    + shapeNode + " of " + type + " needs " + bytes + " bytes; expected end - begin = " + bytes);
        }
        return new Entry(name, type, shape, begin, end);
    }

    private long multiply(long bytes, int dim, long at, String where) {
        try {
            return Math.multiplyExact(bytes, dim);
        } catch (ArithmeticException e) {
            throw fail(at, where + " has a shape too large to address; expected a tensor that fits in a file");
        }
    }

    private void checkRanges(List<Entry> entries, long dataLength, int dataStart) {
        for (Entry e : entries) {
            if (e.end() > dataLength) {
                throw fail(dataStart + e.begin(), "tensor '" + e.name() + "' has data_offsets [" + e.begin() + ", "
                        + e.end() + "] past the end of the file: the data section holds " + dataLength
                        + " bytes (file bytes " + dataStart + ".." + file.length + "); expected end <= " + dataLength);
            }
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        String previous = null;
        for (Entry e : sorted) {
            if (e.begin() != expected) {
                throw fail(dataStart + e.begin(), "tensor '" + e.name() + "' has data_offsets [" + e.begin() + ", "
                        + e.end() + "]; expected it to begin at " + expected
                        + (previous == null ? " (the start of the data)" : ", right after tensor '" + previous + "'")
                        + ": tensors must be contiguous, without gaps or overlaps");
            }
            expected = e.end();
            previous = e.name();
        }
        if (expected != dataLength) {
            throw fail(dataStart + expected, "the data section holds " + dataLength + " bytes but the tensors cover "
                    + expected + "; expected no bytes after the last tensor");
        }
    }
}
