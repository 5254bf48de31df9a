package org.descent.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.descent.onnx.proto.Onnx.TensorProto;
import org.descent.tensor.Tensor;

/** Descent tensors as ONNX {@code TensorProto}s: float32, little-endian {@code raw_data}, as ONNX stores them. */
final class OnnxTensors {
    private OnnxTensors() {
    }

    /** {@code value} rounded to float32 (a float64 network is exported in float32). */
    static TensorProto toProto(String name, Tensor value) {
        ByteBuffer bytes = ByteBuffer.allocate(value.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < value.size(); i++) {
            bytes.putFloat((float) value.get(i));
        }
        bytes.flip();
        TensorProto.Builder proto = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE).setRawData(ByteString.copyFrom(bytes));
        for (int d = 0; d < value.shape().rank(); d++) {
            proto.addDims(value.shape().dim(d));
        }
        return proto.build();
    }

    /** A float32 vector constant, e.g. the normalization's shift. */
    static Tensor vector(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return Tensor.of(f, f.length);
    }
}
