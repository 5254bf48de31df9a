package org.descent.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.descent.DescentException;
import org.descent.onnx.proto.Onnx.TensorProto;
import org.descent.tensor.Tensor;

/** ONNX {@code TensorProto}s (initializers, Constant values) as float32 Descent tensors. */
final class OnnxConstants {
    private OnnxConstants() {
    }

    /** The values of {@code proto} in float32, its shape as stored; refuses element types other than float and double. */
    static Tensor toTensor(TensorProto proto, String source) {
        if (proto.getDataLocation() == 1) {
            throw new DescentException(source + ": tensor '" + proto.getName() + "' keeps its data in an external file,"
                    + " which Descent does not read; save the ONNX model with its weights inside (no external data)");
        }
        int[] dims = new int[proto.getDimsCount()];
        long size = 1;
        for (int i = 0; i < dims.length; i++) {
            if (proto.getDims(i) < 0 || proto.getDims(i) > Integer.MAX_VALUE) {
                throw new DescentException(source + ": tensor '" + proto.getName() + "' has dimension " + proto.getDims(i));
            }
            dims[i] = (int) proto.getDims(i);
            size *= dims[i];
        }
        if (size > Integer.MAX_VALUE) {
            throw new DescentException(source + ": tensor '" + proto.getName() + "' has " + size + " values, too many");
        }
        float[] values = new float[(int) size];
        ByteBuffer raw = proto.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        int type = proto.getDataType();
        boolean hasRaw = !proto.getRawData().isEmpty();
        if (type == TensorProto.DataType.FLOAT_VALUE) {
            check(proto, hasRaw ? raw.remaining() / 4 : proto.getFloatDataCount(), values.length, source);
            for (int i = 0; i < values.length; i++) {
                values[i] = hasRaw ? raw.getFloat(4 * i) : proto.getFloatData(i);
            }
        } else if (type == TensorProto.DataType.DOUBLE_VALUE) {
            check(proto, hasRaw ? raw.remaining() / 8 : proto.getDoubleDataCount(), values.length, source);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (hasRaw ? raw.getDouble(8 * i) : proto.getDoubleData(i));
            }
        } else if (type == TensorProto.DataType.INT64_VALUE) {   // shapes (Reshape), held as floats: exact up to 2^24
            check(proto, hasRaw ? raw.remaining() / 8 : proto.getInt64DataCount(), values.length, source);
            for (int i = 0; i < values.length; i++) {
                values[i] = hasRaw ? raw.getLong(8 * i) : proto.getInt64Data(i);
            }
        } else {
            throw new DescentException(source + ": tensor '" + proto.getName() + "' has element type " + type
                    + " (TensorProto.DataType); Descent reads weights of type FLOAT (1) or DOUBLE (11), and shapes of INT64 (7)");
        }
        return Tensor.of(values, dims);
    }

    private static void check(TensorProto proto, long stored, int expected, String source) {
        if (stored != expected) {
            throw new DescentException(source + ": tensor '" + proto.getName() + "' of shape " + proto.getDimsList()
                    + " holds " + stored + " values; expected " + expected + " (corrupt file)");
        }
    }

    /** The transpose of a matrix, in float32. */
    static Tensor transpose(Tensor t) {
        int rows = t.shape().dim(0);
        int cols = t.shape().dim(1);
        float[] v = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                v[j * rows + i] = (float) t.get(i * cols + j);
            }
        }
        return Tensor.of(v, cols, rows);
    }

    /** {@code t} times {@code factor}, a float32 copy. */
    static Tensor scaled(Tensor t, float factor) {
        if (factor == 1f) {
            return t.copy(org.descent.tensor.DType.FLOAT32);
        }
        Tensor s = t.copy(org.descent.tensor.DType.FLOAT32);
        for (int i = 0; i < s.size(); i++) {
            s.set(i, (float) s.get(i) * factor);
        }
        return s;
    }
}
